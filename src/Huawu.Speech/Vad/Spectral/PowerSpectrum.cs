namespace Huawu.Speech.Vad.Spectral;

/// <summary>
/// The power spectrum of a Hann-windowed block of real samples, by an in-place radix-2 FFT whose tables (twiddles,
/// bit reversal, window) are built once. Allocation-free per block.
/// </summary>
internal sealed class PowerSpectrum
{
    private readonly int _size;
    private readonly float[] _window;
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly int[] _reversed;
    private readonly float[] _re;
    private readonly float[] _im;

    /// <param name="size">The block length, a power of two.</param>
    public PowerSpectrum(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(size), size, "The FFT size must be a power of two.");
        _size = size;
        _window = new float[size];
        for (var n = 0; n < size; n++) _window[n] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * n / size)));
        WindowPower = _window.Sum(w => w * w);
        _cos = new float[size / 2];
        _sin = new float[size / 2];
        for (var k = 0; k < size / 2; k++)
        {
            _cos[k] = (float)Math.Cos(-2 * Math.PI * k / size);
            _sin[k] = (float)Math.Sin(-2 * Math.PI * k / size);
        }
        _reversed = new int[size];
        var bits = System.Numerics.BitOperations.Log2((uint)size);
        for (var i = 0; i < size; i++) _reversed[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
        _re = new float[size];
        _im = new float[size];
    }

    /// <summary>Bins in the one-sided spectrum (DC to Nyquist).</summary>
    public int Bins => (_size / 2) + 1;

    private float WindowPower { get; }

    /// <summary>
    /// The mean-square level (re full scale) of the part of the block a sum of bin powers covers. Parseval:
    /// Σ|X[k]|² over both halves is N·Σ(w·x)²; one half counts twice, normalized by the window's power.
    /// </summary>
    public float MeanSquare(float binPowerSum) => 2 * binPowerSum / (_size * WindowPower);

    /// <summary>Writes |X[k]|² for k = 0 … size/2 of the windowed <paramref name="block"/> (exactly the FFT size).</summary>
    public void Compute(ReadOnlySpan<float> block, Span<float> power)
    {
        if (block.Length != _size) throw new ArgumentException($"The block must hold {_size} samples.", nameof(block));
        ArgumentOutOfRangeException.ThrowIfLessThan(power.Length, Bins);
        for (var n = 0; n < _size; n++)
        {
            _re[_reversed[n]] = block[n] * _window[n];
            _im[_reversed[n]] = 0;
        }
        Transform();
        for (var k = 0; k < Bins; k++) power[k] = (_re[k] * _re[k]) + (_im[k] * _im[k]);
    }

    private void Transform()
    {
        for (var length = 2; length <= _size; length <<= 1)
        {
            var half = length >> 1;
            var step = _size / length;
            for (var start = 0; start < _size; start += length)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = _cos[k * step];
                    var wi = _sin[k * step];
                    var a = start + k;
                    var b = a + half;
                    var tr = (_re[b] * wr) - (_im[b] * wi);
                    var ti = (_re[b] * wi) + (_im[b] * wr);
                    _re[b] = _re[a] - tr;
                    _im[b] = _im[a] - ti;
                    _re[a] += tr;
                    _im[a] += ti;
                }
            }
        }
    }

    private static uint ReverseBits(uint value)
    {
        var result = 0u;
        for (var i = 0; i < 32; i++)
        {
            result = (result << 1) | (value & 1);
            value >>= 1;
        }
        return result;
    }
}
