using Huawu.Media.Dsp;

namespace Huawu.Speech.Endpointing;

/// <summary>
/// Brings a stream's audio to its detector's rate with Huawu.Media's <see cref="PolyphaseResampler"/> (any ratio: 8, 16,
/// 24, 32, 44.1, 48 kHz to either detector rate), or passes it through at equal rates. The output lags the input by
/// <see cref="Latency"/> detector samples, which positions mapped back to the input take off. The buffer is sized once for
/// the longest block.
/// </summary>
internal sealed class VadRateConverter
{
    private readonly PolyphaseResampler? _resampler;
    private readonly short[] _output;

    private VadRateConverter(int inputRate, int outputRate, int maxInputLength)
    {
        InputRate = inputRate;
        OutputRate = outputRate;
        if (inputRate == outputRate)
        {
            _output = [];
            return;
        }
        _resampler = new PolyphaseResampler(inputRate, outputRate);
        _output = new short[_resampler.MaxOutputLength(maxInputLength)];
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Output samples by which the converted audio lags the input (0 at equal rates).</summary>
    public int Latency => _resampler?.Latency ?? 0;

    /// <summary>Whether audio at <paramref name="inputRate"/> can be brought to <paramref name="outputRate"/>.</summary>
    public static bool IsSupported(int inputRate, int outputRate) => PolyphaseResampler.IsSupported(inputRate, outputRate);

    public static VadRateConverter Create(int inputRate, int outputRate, int maxInputLength)
    {
        if (!IsSupported(inputRate, outputRate)) throw new ArgumentException($"Cannot bring {inputRate} Hz audio to {outputRate} Hz.");
        return new VadRateConverter(inputRate, outputRate, maxInputLength);
    }

    /// <summary>Converts <paramref name="input"/> (at most the longest block) and returns the converted samples, valid until the next call.</summary>
    public ReadOnlySpan<short> Convert(ReadOnlySpan<short> input) =>
        _resampler is null ? input : _output.AsSpan(0, _resampler.Process(input, _output));

    public void Reset() => _resampler?.Reset();
}
