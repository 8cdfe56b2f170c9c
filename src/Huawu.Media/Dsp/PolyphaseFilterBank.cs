using System.Collections.Concurrent;

namespace Huawu.Media.Dsp;

/// <summary>
/// The windowed-sinc low-pass of a rational rate change up/down, split into its <see cref="Phases"/>: row p weighs
/// the <see cref="Taps"/> inputs around an output that falls p/up of an input sample past its centre. Immutable and
/// shared by every resampler of the same ratio, so a call's converter costs no table build.
/// </summary>
internal sealed class PolyphaseFilterBank
{
    /// <summary>Sinc lobes each side of the centre, counted at the lower rate: the filter's length and steepness.</summary>
    internal const int ZeroCrossings = 32;

    /// <summary>
    /// The cutoff (−6 dB) as a fraction of the lower Nyquist frequency. Measured with these 2·32 Blackman-windowed
    /// lobes: flat to 0.8, −0.3 dB at 0.85 (3.4 kHz, the telephone band's top, at 8 kHz), below −60 dB from 0.98 and
    /// at least 76 dB down from Nyquist on, so nothing audible aliases back (PolyphaseResamplerTests).
    /// </summary>
    internal const double Rolloff = 0.9;

    private static readonly ConcurrentDictionary<(int Up, int Down), PolyphaseFilterBank> Shared = new();
    private readonly float[] _weights;

    private PolyphaseFilterBank(int up, int down)
    {
        Phases = up;
        // The cutoff relative to the input's Nyquist: the lower of the two rates bounds the band.
        var lower = Math.Min(1.0, (double)up / down);
        HalfTaps = (int)Math.Ceiling(ZeroCrossings / lower);
        Taps = 2 * HalfTaps;
        _weights = Build(up, HalfTaps, lower * Rolloff);
    }

    public int Phases { get; }

    public int HalfTaps { get; }

    public int Taps { get; }

    public static PolyphaseFilterBank For(int up, int down) => Shared.GetOrAdd((up, down), key => new PolyphaseFilterBank(key.Up, key.Down));

    public ReadOnlySpan<float> Phase(int p) => _weights.AsSpan(p * Taps, Taps);

    /// <summary>
    /// Tap k of phase p sits x = p/up + halfTaps − 1 − k input samples from the output:
    /// weight cutoff·sinc(cutoff·x)·blackman(x / halfTaps), each row scaled to sum to one (unity gain at DC).
    /// </summary>
    private static float[] Build(int up, int halfTaps, double cutoff)
    {
        var taps = 2 * halfTaps;
        var weights = new float[up * taps];
        var row = new double[taps];
        for (var p = 0; p < up; p++)
        {
            var total = 0.0;
            for (var k = 0; k < taps; k++)
            {
                var x = ((double)p / up) + halfTaps - 1 - k;
                row[k] = cutoff * Sinc(cutoff * x) * Blackman(x / halfTaps);
                total += row[k];
            }
            for (var k = 0; k < taps; k++) weights[(p * taps) + k] = (float)(row[k] / total);
        }
        return weights;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double Blackman(double r) =>
        Math.Abs(r) >= 1 ? 0 : 0.42 + (0.5 * Math.Cos(Math.PI * r)) + (0.08 * Math.Cos(2 * Math.PI * r));
}
