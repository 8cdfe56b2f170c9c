using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace Huawu.Benchmarks.Speech;

/// <summary>
/// The alternative to the library: an <c>espeak-ng --stdout</c> process per utterance, to its first audio byte
/// (compare with <see cref="TtsEspeakBenchmarks.FirstChunk"/>).
/// </summary>
public class TtsEspeakProcessBenchmarks
{
    [Benchmark]
    public async Task<int> ProcessFirstAudio()
    {
        var info = new ProcessStartInfo("espeak-ng", ["-v", "cmn", "--stdout", TtsEspeakBenchmarks.Mandarin]) { RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        // The 44-byte WAV header comes first; the byte after it is audio.
        var header = new byte[45];
        var read = await process.StandardOutput.BaseStream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        process.Kill();
        await process.WaitForExitAsync();
        return read;
    }
}
