using Huawu.Media.Dsp;

namespace Huawu.Speech.Tts.Audio;

/// <summary>
/// Converts one utterance's chunks to another rate (a 24 kHz server to the engine's rate, TTS into a prompt's 8 kHz),
/// an array per chunk as engines hand them on: the house's <see cref="PolyphaseResampler"/> with its filter delay
/// removed, so the converted audio starts — and its pauses fall — exactly where the original's do.
/// </summary>
internal sealed class ChunkResampler
{
    private readonly PolyphaseResampler _resampler;
    private short[] _scratch = [];
    private int _delayLeft;

    public ChunkResampler(int inputRate, int outputRate)
    {
        _resampler = new PolyphaseResampler(inputRate, outputRate);
        _delayLeft = _resampler.Latency;
    }

    public int InputRate => _resampler.InputRate;

    /// <summary>Converts the next chunk; the last few samples it covers come with a later chunk or <see cref="Flush"/>.</summary>
    public short[] Process(ReadOnlySpan<short> input) => WithoutDelay(_resampler.Process(input, Scratch(_resampler.MaxOutputLength(input.Length))));

    /// <summary>Ends the utterance: the samples still held by the filter.</summary>
    public short[] Flush() => WithoutDelay(_resampler.Flush(Scratch(_resampler.Latency)));

    /// <summary>Converts a whole clip: ⌈length·out/in⌉ samples, aligned with the input.</summary>
    public static short[] Convert(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        if (inputRate == outputRate) return input.ToArray();
        var resampler = new ChunkResampler(inputRate, outputRate);
        return [.. resampler.Process(input), .. resampler.Flush()];
    }

    private Span<short> Scratch(int length)
    {
        if (_scratch.Length < length) _scratch = new short[length];
        return _scratch;
    }

    private short[] WithoutDelay(int written)
    {
        var skipped = Math.Min(_delayLeft, written);
        _delayLeft -= skipped;
        return _scratch[skipped..written];
    }
}
