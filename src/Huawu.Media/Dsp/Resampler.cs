namespace Huawu.Media.Dsp;

/// <summary>
/// Converts 16-bit mono PCM between 8 and 16 kHz with a half-band polyphase FIR (or copies at equal
/// rates). Stateful: use one per direction of one stream, and feed it consecutive blocks.
/// </summary>
public sealed class Resampler
{
    private readonly Upsampler2x? _up;
    private readonly Downsampler2x? _down;

    private Resampler(int inputRate, int outputRate)
    {
        InputRate = inputRate;
        OutputRate = outputRate;
        if (outputRate == 2 * inputRate) _up = new Upsampler2x();
        else if (inputRate == 2 * outputRate) _down = new Downsampler2x();
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Whether a pair of rates can be converted: equal, or one twice the other.</summary>
    public static bool IsSupported(int inputRate, int outputRate) =>
        inputRate > 0 && outputRate > 0 && (inputRate == outputRate || inputRate == 2 * outputRate || outputRate == 2 * inputRate);

    public static Resampler Create(int inputRate, int outputRate)
    {
        if (!IsSupported(inputRate, outputRate))
        {
            throw new ArgumentException($"Resampling {inputRate} Hz to {outputRate} Hz is not supported (only equal rates or a factor of 2).");
        }
        return new Resampler(inputRate, outputRate);
    }

    /// <summary>Output samples for <paramref name="inputLength"/> input samples.</summary>
    public int GetOutputLength(int inputLength) => (int)((long)inputLength * OutputRate / InputRate);

    /// <summary>Converts <paramref name="input"/> into <paramref name="output"/> and returns the samples written.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (_up is not null) return _up.Process(input, output);
        if (_down is not null) return _down.Process(input, output);
        input.CopyTo(output);
        return input.Length;
    }

    /// <summary>Forgets the filter history (e.g. when the input restarts).</summary>
    public void Reset()
    {
        _up?.Reset();
        _down?.Reset();
    }
}
