using Huawu.Media.Jitter;

namespace Huawu.Media.Tests.Jitter;

/// <summary>Concealment after G.711 Appendix I's shape: repeat the pitch period, fade to silence by 60 ms, splice smoothly.</summary>
public sealed class PacketLossConcealerTests
{
    private static short[] Sine(int start, int count, double frequency = 200) =>
        Enumerable.Range(start, count).Select(n => (short)(10000 * Math.Sin(2 * Math.PI * frequency * n / 8000))).ToArray();

    private static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return Math.Sqrt(sum / samples.Length);
    }

    [Fact]
    public void A_periodic_signal_is_continued_then_faded_to_silence_by_sixty_milliseconds()
    {
        var concealer = new PacketLossConcealer(8000);
        for (var frame = 0; frame < 3; frame++) concealer.Remember(Sine(frame * 160, 160));
        var concealed = new short[560];
        concealer.Conceal(concealed);

        // The first 10 ms continue the 200 Hz wave (period 40 samples) closely.
        var truth = Sine(480, 80);
        for (var i = 0; i < 80; i++) Assert.InRange(concealed[i] - truth[i], -600, 600);
        // Fading from 10 ms: each later stretch is quieter, and from 60 ms (480 samples) it is silent.
        Assert.True(Rms(concealed.AsSpan(160, 80)) < 0.8 * Rms(concealed.AsSpan(0, 80)));
        Assert.True(Rms(concealed.AsSpan(400, 80)) < 0.3 * Rms(concealed.AsSpan(160, 80)));
        Assert.All(concealed[480..], s => Assert.Equal(0, s));
    }

    [Fact]
    public void Resuming_audio_is_cross_faded_from_the_concealment()
    {
        var concealer = new PacketLossConcealer(8000);
        for (var frame = 0; frame < 3; frame++) concealer.Remember(Sine(frame * 160, 160));
        concealer.Conceal(new short[160]);
        var resumed = Enumerable.Repeat((short)-20000, 160).ToArray();
        concealer.Remember(resumed);
        Assert.False(concealer.IsConcealing);
        // The first sample is all concealment, the ramp reaches the new audio within 4 ms (32 samples).
        Assert.NotEqual(-20000, resumed[0]);
        Assert.True(resumed[0] > -15000);
        Assert.All(resumed[32..], s => Assert.Equal(-20000, s));
    }

    [Fact]
    public void Without_history_concealment_is_silence()
    {
        var concealer = new PacketLossConcealer(16000);
        var output = Enumerable.Repeat((short)5, 320).ToArray();
        concealer.Conceal(output);
        Assert.All(output, s => Assert.Equal(0, s));
        Assert.False(concealer.HasHistory);
    }
}
