using Huawu.Speech.Asr.Pocketsphinx;

namespace Huawu.Speech.Tests.Asr.Pocketsphinx;

public sealed class HighBandFillTests
{
    [Fact]
    public void The_fill_sits_above_the_telephone_band_at_its_level_and_leaves_the_speech_band_alone()
    {
        var fill = new HighBandFill(8000);
        var raised = new short[16000];
        // In 20 ms frames, as a call feeds it: the band must hold across frame joins.
        for (var offset = 0; offset < raised.Length; offset += 320) fill.AddTo(raised.AsSpan(offset, 320));

        var rms = Math.Sqrt(raised.Skip(320).Average(s => (double)s * s));
        Assert.InRange(rms, HighBandFill.RmsLevel * 0.8, HighBandFill.RmsLevel * 1.2);

        var (below, above) = BandEnergies(raised.AsSpan(1024, 4096), 16000, lowTop: 3500, highBottom: 4500);
        Assert.True(above > 1000 * below, $"energy above 4.5 kHz {above:E2}, below 3.5 kHz {below:E2}");
    }

    [Fact]
    public void Audio_already_there_is_kept_with_the_fill_added()
    {
        var fill = new HighBandFill(8000);
        var raised = Enumerable.Repeat((short)10_000, 320).ToArray();
        fill.AddTo(raised);
        Assert.InRange(raised.Average(s => (double)s), 10_000 - 20, 10_000 + 20);
        var loud = Enumerable.Repeat(short.MaxValue, 320).ToArray();
        fill.AddTo(loud);
        Assert.All(loud, s => Assert.True(s > 30_000, "no wrap-around at full scale"));
    }

    /// <summary>Energy in [0, lowTop] and [highBottom, rate/2] of a plain DFT.</summary>
    private static (double Below, double Above) BandEnergies(ReadOnlySpan<short> block, int rate, int lowTop, int highBottom)
    {
        double below = 0, above = 0;
        for (var bin = 0; bin <= block.Length / 2; bin++)
        {
            double re = 0, im = 0;
            for (var n = 0; n < block.Length; n++)
            {
                var angle = 2 * Math.PI * bin * n / block.Length;
                re += block[n] * Math.Cos(angle);
                im -= block[n] * Math.Sin(angle);
            }
            var frequency = (double)bin * rate / block.Length;
            if (frequency <= lowTop) below += (re * re) + (im * im);
            else if (frequency >= highBottom) above += (re * re) + (im * im);
        }
        return (below, above);
    }
}
