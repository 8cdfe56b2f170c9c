using Huawu.Media.Dsp;

namespace Huawu.Media.Tests.Dsp;

public sealed class PolyphaseResamplerTests
{
    private const double Level = 10000;

    /// <summary>One second of a tone through a fresh resampler; the settled middle of the output, past the delay.</summary>
    private static short[] Settled(int from, int to, double frequency)
    {
        var output = Resample.OneShot(new PolyphaseResampler(from, to), Signal.Sine(frequency, from, from, Level));
        return output[(to / 10)..(to * 9 / 10)];
    }

    private static double Decibels(ReadOnlySpan<short> samples, double frequency, int rate) =>
        Signal.Decibels(Signal.Amplitude(samples, frequency, rate) / Level);

    [Theory]
    [InlineData(22050, 8000)]
    [InlineData(24000, 8000)]
    [InlineData(48000, 8000)]
    [InlineData(22050, 16000)]
    [InlineData(44100, 48000)]
    [InlineData(8000, 22050)]
    [InlineData(16000, 24000)]
    public void Tones_in_the_passband_keep_their_level(int from, int to)
    {
        var nyquist = Math.Min(from, to) / 2.0;
        foreach (var fraction in new[] { 0.1, 0.5, 0.8 })
        {
            var frequency = fraction * nyquist;
            Assert.InRange(Decibels(Settled(from, to, frequency), frequency, to), -0.05, 0.05);
        }
        // The top of the telephone band (3.4 of 4 kHz) is on the filter's shoulder, measured at −0.3 dB.
        var shoulder = 0.85 * nyquist;
        Assert.InRange(Decibels(Settled(from, to, shoulder), shoulder, to), -0.5, 0);
    }

    [Theory]
    [InlineData(22050, 8000)]
    [InlineData(24000, 8000)]
    [InlineData(48000, 8000)]
    [InlineData(44100, 16000)]
    [InlineData(16000, 8000)]
    public void Downsampling_removes_tones_above_the_new_Nyquist_instead_of_aliasing_them(int from, int to)
    {
        // A tone at f above Nyquist would fold to to − f; the whole output is what leaks through (measured ≥ 76 dB down).
        foreach (var fraction in new[] { 1.02, 1.1, 1.5, 0.95 * from / to })
        {
            var output = Settled(from, to, fraction * to / 2);
            Assert.True(Signal.Decibels(Signal.Rms(output) * Math.Sqrt(2) / Level) < -70, $"{fraction * to / 2:0} Hz leaks through");
        }
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(8000, 22050)]
    [InlineData(16000, 44100)]
    public void Upsampling_leaves_no_images(int from, int to)
    {
        foreach (var frequency in new[] { 1000, 3000 })
        {
            // Inserting samples mirrors f around every multiple of the input rate: from − f, from + f, …
            var output = Settled(from, to, frequency);
            Assert.True(Decibels(output, from - frequency, to) < -80);
            Assert.True(Decibels(output, from + frequency, to) < -80);
        }
    }

    [Theory]
    [InlineData(22050, 8000)]
    [InlineData(8000, 22050)]
    [InlineData(44100, 48000)]
    public void The_output_is_the_input_delayed_by_the_latency(int from, int to)
    {
        // Linear phase: every passband tone arrives exactly Latency output samples late.
        var resampler = new PolyphaseResampler(from, to);
        var output = Resample.OneShot(resampler, Signal.Sine(700, from, from, Level));
        var expected = Signal.Sine(700, to, to, Level, start: -resampler.Latency);
        for (var n = to / 10; n < to * 9 / 10; n++) Assert.InRange(output[n] - expected[n], -3, 3);
    }

    [Theory]
    [InlineData(22050, 8000, 441)]
    [InlineData(48000, 8000, 960)]
    [InlineData(8000, 16000, 160)]
    [InlineData(16000, 22050, 320)]
    public void Twenty_ms_frames_give_twenty_ms_frames_from_the_first_one(int from, int to, int frame)
    {
        var resampler = new PolyphaseResampler(from, to);
        var input = Signal.Sine(440, from, 50 * frame);
        var output = new short[resampler.MaxOutputLength(frame)];
        Assert.Equal(to / 50, output.Length);
        for (var start = 0; start < input.Length; start += frame)
        {
            Assert.Equal(output.Length, resampler.Process(input.AsSpan(start, frame), output));
        }
        Assert.Equal(resampler.Latency, resampler.Flush(new short[resampler.Latency]));
    }

    [Theory]
    [InlineData(22050, 8000)]
    [InlineData(24000, 16000)]
    [InlineData(8000, 22050)]
    [InlineData(11025, 8000)]
    public void Streaming_in_odd_block_sizes_equals_one_shot(int from, int to)
    {
        var input = Signal.Sine(440, from, from / 2);
        var whole = Resample.OneShot(new PolyphaseResampler(from, to), input);
        Assert.Equal(((input.Length * (long)to) + from - 1) / from + new PolyphaseResampler(from, to).Latency, whole.Length);
        var random = new Random(7);
        foreach (var sizes in new Func<int>[] { () => 1, () => 7, () => random.Next(1, 1500) })
        {
            Assert.Equal(whole, Resample.InBlocks(new PolyphaseResampler(from, to), input, sizes));
        }
    }

    [Fact]
    public void Flush_and_reset_start_a_new_stream()
    {
        var resampler = new PolyphaseResampler(22050, 8000);
        var input = Signal.Sine(300, 22050, 5000);
        var first = Resample.OneShot(resampler, input);
        Assert.Equal(first, Resample.OneShot(resampler, input));
        resampler.Process(Signal.Sine(2000, 22050, 777), new short[300]);
        resampler.Reset();
        Assert.Equal(first, Resample.OneShot(resampler, input));
    }

    [Fact]
    public void Converting_allocates_nothing()
    {
        var resampler = new PolyphaseResampler(22050, 8000);
        var input = Signal.Sine(440, 22050, 441);
        var output = new short[resampler.MaxOutputLength(input.Length)];
        var flushed = new short[resampler.Latency];
        resampler.Process(input, output);
        resampler.Flush(flushed);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) resampler.Process(input, output);
        resampler.Flush(flushed);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Loud_input_saturates_instead_of_wrapping()
    {
        // A full-scale square wave overshoots past 16 bits at each edge (Gibbs); clipping keeps the sign.
        var square = Enumerable.Range(0, 4800).Select(n => (n / 48) % 2 == 0 ? short.MaxValue : short.MinValue).ToArray();
        var resampler = new PolyphaseResampler(48000, 16000);
        var output = Resample.OneShot(resampler, square);
        Assert.Contains(short.MaxValue, output);
        Assert.Contains(short.MinValue, output);
        // Output t + Latency stands for input 3t; each half period is 16 outputs, its middle eight clear of the ringing.
        for (var t = 16; t < 1580; t++)
        {
            if (t % 16 is >= 4 and < 12) Assert.Equal(Math.Sign(square[3 * t]), Math.Sign(output[t + resampler.Latency]));
        }
    }

    [Fact]
    public void Equal_rates_copy_without_delay_and_unsupported_ratios_are_refused()
    {
        var copy = new PolyphaseResampler(8000, 8000);
        var output = new short[3];
        Assert.Equal(3, copy.Process([1, 2, 3], output));
        Assert.Equal(new short[] { 1, 2, 3 }, output);
        Assert.Equal(0, copy.Latency);
        // 8191 is prime: 8191 phases.
        Assert.False(PolyphaseResampler.IsSupported(8000, 8191));
        Assert.True(PolyphaseResampler.IsSupported(8000, 44100));
        Assert.Throws<ArgumentException>(() => new PolyphaseResampler(8000, 8191));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(0, 8000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(22050, 8000).Process(new short[441], new short[159]));
    }
}
