using Huawu.Robot.Loading;
using Huawu.Robot.Rehearsal;
using Huawu.Robot.Samples;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Tests.Samples;

/// <summary>Every shipped sample loads, and every transcript regression file of the samples replays node by node.</summary>
public sealed class SampleTranscriptTests
{
    private static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "Samples");

    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SamplesFolder, "transcripts"), "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Every_embedded_sample_loads_without_errors()
    {
        Assert.Equal(6, SampleScripts.Names.Count);
        foreach (var name in SampleScripts.Names)
        {
            var loaded = ScriptLoader.Load(SampleScripts.Read(name)!);
            Assert.True(loaded.Succeeded, name + ": " + string.Join("\n", loaded.Errors));
        }
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Sample_transcript_replays(string file)
    {
        var path = Path.Combine(SamplesFolder, "transcripts", file);
        var parsed = TranscriptParser.Parse(await File.ReadAllTextAsync(path));
        Assert.Null(parsed.Error);
        var transcript = parsed.Transcript!;
        var script = ScriptLoader.Load(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(path)!, transcript.Script!)));
        Assert.True(script.Succeeded, string.Join("\n", script.Errors));
        var echo = new StringWriter();
        var result = await TranscriptReplay.RunAsync(script.Script!, transcript, ScriptLanguage.En, echo: echo);
        Assert.True(result.Passed, result.Message + "\n" + echo);
    }
}
