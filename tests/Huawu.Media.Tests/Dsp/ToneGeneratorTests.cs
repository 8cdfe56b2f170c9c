using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Dsp;

namespace Huawu.Media.Tests.Dsp;

public sealed class ToneGeneratorTests
{
    private static short[] Generate(ToneGenerator generator, int sampleRate, int frames)
    {
        var frame = new PcmFrame(sampleRate);
        var output = new List<short>();
        for (var i = 0; i < frames; i++)
        {
            generator.TryRead(new MediaTick(i, 0), frame);
            output.AddRange(frame.Samples.ToArray());
        }
        return [.. output];
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void The_test_tone_is_1_kHz_at_minus_10_dBm0_at_either_rate(int sampleRate)
    {
        var samples = Generate(new ToneGenerator(ToneSpec.TestTone), sampleRate, 50);
        // −10 dBm0 with full scale at +3.17 dBm0: peak 32767 · 10^(−13.17/20) ≈ 7177.
        var expected = 32767 * Math.Pow(10, -13.17 / 20);
        Assert.InRange(Signal.Amplitude(samples, 1000, sampleRate), expected * 0.995, expected * 1.005);
        Assert.True(Signal.Amplitude(samples, 2000, sampleRate) < expected * 0.001);
        Assert.InRange(samples.Max(), expected - 5, expected + 5);
    }

    [Fact]
    public void Dtmf_keys_are_their_row_and_column_pair_and_stop_after_their_duration()
    {
        Assert.True(DtmfTones.TryGet('9', TimeSpan.FromMilliseconds(100), out var tone));
        var generator = new ToneGenerator(tone, TimeSpan.FromMilliseconds(100));
        var samples = Generate(generator, 8000, 5);
        Assert.True(Signal.Amplitude(samples, 852, 8000) > 3000);
        Assert.True(Signal.Amplitude(samples, 1477, 8000) > 3000);
        Assert.True(Signal.Amplitude(samples, 697, 8000) < 500); // leakage only
        Assert.True(generator.IsFinished);
        Assert.False(generator.TryRead(new MediaTick(6, 0), new PcmFrame(8000)));
        Assert.False(DtmfTones.TryGet('x', TimeSpan.FromMilliseconds(100), out _));
    }

    [Fact]
    public void Busy_tone_follows_its_cadence()
    {
        var samples = Generate(new ToneGenerator(CallProgressTones.Busy), 8000, 50);
        // 350 ms on (2800 samples), 350 ms off, then on again.
        Assert.True(Signal.Amplitude(samples.AsSpan(0, 2800), 450, 8000) > 5000);
        Assert.All(samples[2800..5600], s => Assert.Equal(0, s));
        Assert.True(Signal.Amplitude(samples.AsSpan(5600, 2400), 450, 8000) > 5000);
    }
}
