using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Huawu.Media.Audio;
using Huawu.Speech.Asr;
using Huawu.Speech.Asr.Pocketsphinx;
using Huawu.Speech.Configuration;

namespace Huawu.Benchmarks.Speech;

/// <summary>
/// pocketsphinx on Debian's 8 kHz Asterisk prompts, streamed 20 ms at a time through a session as a call feeds it
/// (upsampling to the model's 16 kHz included), with a grammar of eight prompt transcripts. The real-time factor is
/// the mean time of one operation divided by the prompt's length: conf-onlyperson 3.16 s, demo-echotest 21.98 s.
/// </summary>
[MemoryDiagnoser]
public class AsrPocketsphinxRealTimeFactorBenchmarks
{
    private static readonly string[] GrammarPrompts =
        ["hello-world", "vm-goodbye", "auth-thankyou", "conf-onlyperson", "demo-echotest", "conf-invalidpin", "vm-nomore", "conf-getpin"];

    private PocketsphinxRecognizer _recognizer = null!;
    private RecognitionOptions _grammar = null!;
    private short[] _audio = null!;

    [Params("conf-onlyperson", "demo-echotest")]
    public string Prompt { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _recognizer = PocketsphinxRecognizer.TryCreate(new PocketsphinxAsrOptions(), 8000, out var error) ?? throw new InvalidOperationException(error);
        _grammar = new RecognitionOptions { Grammar = AsteriskTranscripts.Of(GrammarPrompts).Select(PhraseNormalizer.Normalize).ToList() };
        _audio = AudioClip.Load($"/usr/share/asterisk/sounds/en/{Prompt}.wav").Samples.ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _recognizer.Dispose();

    [Benchmark]
    public async Task<string> RecognizePrompt()
    {
        await using var session = _recognizer.StartSession(_grammar);
        for (var at = 0; at < _audio.Length; at += 160) session.AcceptAudio(_audio.AsSpan(at, Math.Min(160, _audio.Length - at)));
        session.Complete();
        var text = "";
        await foreach (var result in session.Results.ReadAllAsync()) text = result.Text;
        return text;
    }
}

/// <summary>
/// Loading one decoder (Debian's en-us acoustic model and its 130 000-word dictionary): what a session waits for when
/// the pool is empty, and why decoders are pooled.
/// </summary>
[MemoryDiagnoser]
public class AsrPocketsphinxLoadBenchmarks
{
    private PocketsphinxModel _model = null!;

    [GlobalSetup]
    public void Setup() => _model = PocketsphinxModel.TryLoad(new PocketsphinxAsrOptions(), out var error) ?? throw new InvalidOperationException(error);

    [Benchmark]
    public void LoadDecoder()
    {
        using var decoder = PocketsphinxDecoder.TryCreate(_model, out var error) ?? throw new InvalidOperationException(error);
    }
}

/// <summary>The transcripts Debian ships with asterisk-core-sounds-en (<c>name: text</c> lines).</summary>
internal static class AsteriskTranscripts
{
    public static IEnumerable<string> Of(IReadOnlyCollection<string> names)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead("/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz"), CompressionMode.Decompress));
        var found = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && names.Contains(line[..colon].Trim())) found.Add(line[(colon + 1)..].Trim());
        }
        return found;
    }
}
