using Huawu.Media.Dsp;

namespace Huawu.Speech.Endpointing;

/// <summary>
/// Brings a stream's audio to its detector's rate: an optional division by three (<see cref="Decimator3x"/>), then
/// factors of two with Huawu.Media's half-band <see cref="Resampler"/>. Covers the rates calls carry (8, 16, 48 kHz,
/// also 24 and 32) to both detector rates. Buffers are sized once for the longest block.
/// </summary>
internal sealed class VadRateConverter
{
    private readonly Decimator3x? _third;
    private readonly Resampler[] _halves;
    private readonly short[] _first;
    private readonly short[] _second;

    private VadRateConverter(int inputRate, int outputRate, int maxInputLength, bool third, Resampler[] halves)
    {
        InputRate = inputRate;
        OutputRate = outputRate;
        if (third) _third = new Decimator3x(maxInputLength);
        _halves = halves;
        BlockMultiple = (third ? 3 : 1) << halves.Count(h => h.OutputRate < h.InputRate);
        // Never longer than twice the input (one doubling is the only rate increase).
        _first = new short[(2 * maxInputLength) + 2];
        _second = new short[(2 * maxInputLength) + 2];
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Blocks must hold a multiple of this many samples, so that each halving stage sees an even count.</summary>
    public int BlockMultiple { get; }

    /// <summary>Whether audio at <paramref name="inputRate"/> can be brought to <paramref name="outputRate"/>.</summary>
    public static bool IsSupported(int inputRate, int outputRate) => TryPlan(inputRate, outputRate, out _, out _);

    public static VadRateConverter Create(int inputRate, int outputRate, int maxInputLength)
    {
        if (!TryPlan(inputRate, outputRate, out var third, out var rates))
        {
            throw new ArgumentException($"Cannot bring {inputRate} Hz audio to {outputRate} Hz (supported: the same rate times 2^k, or times 3·2^k).");
        }
        var halves = new Resampler[rates.Count - 1];
        for (var i = 0; i < halves.Length; i++) halves[i] = Resampler.Create(rates[i], rates[i + 1]);
        return new VadRateConverter(inputRate, outputRate, maxInputLength, third, halves);
    }

    /// <summary>Converts <paramref name="input"/> and returns the converted samples (valid until the next call).</summary>
    public ReadOnlySpan<short> Convert(ReadOnlySpan<short> input)
    {
        if (_third is null && _halves.Length == 0) return input;
        ReadOnlySpan<short> current = input;
        var target = _first;
        if (_third is not null)
        {
            current = _first.AsSpan(0, _third.Process(input, _first));
            target = _second;
        }
        foreach (var half in _halves)
        {
            var written = half.Process(current, target);
            current = target.AsSpan(0, written);
            target = target == _first ? _second : _first;
        }
        return current;
    }

    public void Reset()
    {
        _third?.Reset();
        foreach (var half in _halves) half.Reset();
    }

    /// <summary>Plans the stages: whether to divide by three first, then the chain of rates each a factor of two apart.</summary>
    private static bool TryPlan(int inputRate, int outputRate, out bool third, out List<int> rates)
    {
        third = false;
        rates = [];
        if (inputRate <= 0 || outputRate <= 0) return false;
        var rate = inputRate;
        if (rate % 3 == 0 && outputRate % 3 != 0)
        {
            third = true;
            rate /= 3;
        }
        rates.Add(rate);
        while (rate > outputRate && rate % 2 == 0 && rates.Count < 4)
        {
            rate /= 2;
            rates.Add(rate);
        }
        if (rate * 2 == outputRate)
        {
            rate *= 2;
            rates.Add(rate);
        }
        return rate == outputRate;
    }
}
