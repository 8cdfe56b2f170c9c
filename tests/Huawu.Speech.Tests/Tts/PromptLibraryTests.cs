using System.IO.Compression;
using Huawu.Media.Audio;
using Huawu.Speech.Tts.Prompts;

namespace Huawu.Speech.Tests.Tts;

/// <summary>Debian's asterisk-core-sounds-en: real 8 kHz recordings with their transcripts, read in place.</summary>
public class PromptLibraryTests
{
    public const string AsteriskSounds = "/usr/share/asterisk/sounds/en";
    private const string Transcripts = "/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz";

    /// <summary>Writes an index of the named prompts with their transcript lines, as a deployment would keep it.</summary>
    internal static string WriteAsteriskIndex(TempDirectory directory, params string[] ids)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Transcripts), CompressionMode.Decompress));
        var lines = reader.ReadToEnd().Split('\n').Where(line => ids.Any(id => line.StartsWith(id + ":", StringComparison.Ordinal)));
        var index = directory.File(PromptLibrary.IndexFileName);
        File.WriteAllLines(index, ["; Asterisk core sounds (transcripts)", .. lines]);
        return index;
    }

    [Fact]
    public void Loads_recordings_named_by_their_index_and_finds_them_by_id_or_text()
    {
        using var temp = new TempDirectory();
        var index = WriteAsteriskIndex(temp, "auth-thankyou", "vm-goodbye", "agent-alreadyon", "beep", "digits/1");
        Assert.True(PromptLibrary.TryLoad(AsteriskSounds, out var library, out var errors, index), string.Join("\n", errors));
        Assert.Equal(8000, library!.SampleRate);
        Assert.Equal(5, library.Entries.Count);
        var thanks = library.FindByText("thank you");
        Assert.Equal("auth-thankyou", thanks?.Id);
        Assert.Equal(AudioClip.Load(Path.Combine(AsteriskSounds, "auth-thankyou.wav")).Samples.ToArray(), thanks!.Samples);
        Assert.Equal("agent-alreadyon", library.FindByText("That agent is already logged on. Please enter your agent number, followed by the pound key!")?.Id);
        Assert.Equal("digits/1", library.FindById("digits/1")?.Id);
        Assert.Equal("one", library.FindById("DIGITS/1")?.Text);
        // "[this is a simple beep tone]" describes a sound; no text finds it.
        Assert.Null(library.FindByText("this is a simple beep tone"));
        Assert.NotNull(library.FindById("beep"));
    }

    [Fact]
    public void Every_problem_of_a_broken_library_is_reported_with_its_line()
    {
        using var temp = new TempDirectory();
        using (var wide = WavWriter.Create(temp.File("wideband.wav"), 22050, 1)) wide.Write(new short[100]);
        using (var ok = WavWriter.Create(temp.File("ok.wav"), 16000, 1)) ok.Write(new short[100]);
        File.WriteAllLines(temp.File(PromptLibrary.IndexFileName),
        [
            "# a comment",
            "ok: 好的",
            "missing: 不在",
            "no colon here",
            "ok: 重复",
            "wideband: 宽带",
            "../escape: 逃逸",
        ]);
        Assert.False(PromptLibrary.TryLoad(temp.Path, out _, out var errors));
        var index = temp.File(PromptLibrary.IndexFileName);
        Assert.Equal(5, errors.Count);
        Assert.Equal($"{index}:3: the recording {temp.File("missing.wav")} is missing", errors[0]);
        Assert.Equal($"{index}:4: expected `id: text`", errors[1]);
        Assert.Equal($"{index}:5: prompt 'ok' is listed twice", errors[2]);
        Assert.StartsWith($"{index}:6: {temp.File("wideband.wav")} is not a usable recording (UnsupportedSampleRate)", errors[3], StringComparison.Ordinal);
        Assert.Equal($"{index}:7: prompt '../escape' points outside the prompts directory", errors[4]);
    }

    [Fact]
    public void A_missing_directory_or_index_says_which()
    {
        using var temp = new TempDirectory();
        Assert.False(PromptLibrary.TryLoad(temp.File("nowhere"), out _, out var errors));
        Assert.Equal([$"{temp.File("nowhere")}: no such prompts directory"], errors);
        Assert.False(PromptLibrary.TryLoad(temp.Path, out _, out errors));
        Assert.StartsWith($"{temp.File(PromptLibrary.IndexFileName)}: the prompts index is missing", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Prompts_of_different_rates_are_held_at_the_highest()
    {
        using var temp = new TempDirectory();
        using (var narrow = WavWriter.Create(temp.File("narrow.wav"), 8000, 1)) narrow.Write(new short[800]);
        using (var wide = WavWriter.Create(temp.File("wide.wav"), 16000, 1)) wide.Write(new short[1600]);
        File.WriteAllLines(temp.File(PromptLibrary.IndexFileName), ["narrow: 窄带", "wide: 宽带"]);
        Assert.True(PromptLibrary.TryLoad(temp.Path, out var library, out _));
        Assert.Equal(16000, library!.SampleRate);
        Assert.Equal(1600, library.FindById("narrow")!.Samples.Length);
    }

    [Theory]
    [InlineData("您好{customer_name}先生", "您好|{customer_name}|先生")]
    [InlineData("{名字}，您好", "{名字}|，您好")]
    [InlineData("literal {{braces}}", "literal {braces}")]
    public void Templates_split_into_fixed_text_and_variables(string template, string parts)
    {
        Assert.True(PromptTemplate.TryParse(template, out var parsed, out var error), error);
        Assert.Equal(parts, string.Join("|", parsed.Parts.Select(p => p.IsVariable ? "{" + p.Value + "}" : p.Value)));
    }

    [Theory]
    [InlineData("您好{customer_name先生", "'{' at character 2 opens no variable")]
    [InlineData("您好{}先生", "'{' at character 2 opens no variable")]
    [InlineData("您好}先生", "'}' at character 2 closes no variable")]
    public void Malformed_templates_say_where(string template, string error)
    {
        Assert.False(PromptTemplate.TryParse(template, out _, out var message));
        Assert.StartsWith(error, message, StringComparison.Ordinal);
    }
}
