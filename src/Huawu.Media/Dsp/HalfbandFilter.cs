namespace Huawu.Media.Dsp;

/// <summary>
/// A linear-phase half-band low-pass FIR with its cutoff at a quarter of the sample rate, designed once as
/// a Kaiser-windowed sinc. Every other coefficient is zero except the centre (0.5), which polyphase 2×
/// resampling exploits. 63 taps with β = 7 give a pass band to about 3.4 kHz and a stop band from about
/// 4.6 kHz at 16 kHz with some 70 dB of rejection.
/// </summary>
internal static class HalfbandFilter
{
    /// <summary>Taps; (Taps − 1) / 2 is odd so the outermost coefficients are non-zero.</summary>
    public const int Taps = 63;

    private const double Beta = 7.0;

    /// <summary>The coefficients, normalized to unit gain at DC.</summary>
    public static readonly double[] Coefficients = Design();

    /// <summary>The centre index (the group delay in samples at the higher rate).</summary>
    public const int Centre = (Taps - 1) / 2;

    private static double[] Design()
    {
        var h = new double[Taps];
        var sum = 0.0;
        for (var i = 0; i < Taps; i++)
        {
            var n = i - Centre;
            // Ideal half-band response sin(πn/2)/(πn), zero at even n ≠ 0, shaped by the Kaiser window.
            var ideal = n == 0 ? 0.5 : Math.Sin(Math.PI * n / 2) / (Math.PI * n);
            if (n != 0 && n % 2 == 0) ideal = 0;
            var ratio = (double)n / Centre;
            h[i] = ideal * BesselI0(Beta * Math.Sqrt(1 - (ratio * ratio))) / BesselI0(Beta);
            sum += h[i];
        }
        for (var i = 0; i < Taps; i++) h[i] /= sum;
        return h;
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series.</summary>
    private static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var quarterSquare = x * x / 4;
        for (var k = 1; k < 50 && term > sum * 1e-17; k++)
        {
            term *= quarterSquare / (k * k);
            sum += term;
        }
        return sum;
    }
}
