using Huawu.Media.Dsp;

namespace Huawu.Media.Tests.Dsp;

public sealed class ResamplerTests
{
    /// <summary>Runs a signal through in 20 ms frames, as the media clock would, and returns the output after the filter settles.</summary>
    private static short[] InFrames(Resampler resampler, short[] input)
    {
        var frame = resampler.InputRate / 50;
        var output = new List<short>();
        var buffer = new short[resampler.GetOutputLength(frame)];
        for (var start = 0; start + frame <= input.Length; start += frame)
        {
            Assert.Equal(buffer.Length, resampler.Process(input.AsSpan(start, frame), buffer));
            output.AddRange(buffer);
        }
        return output.Skip(200).ToArray();
    }

    [Fact]
    public void Downsampling_keeps_a_1_kHz_tone_and_rejects_a_6_kHz_one()
    {
        // 6 kHz is above the 4 kHz Nyquist of 8 kHz; without filtering it would alias to 2 kHz.
        var pass = InFrames(Resampler.Create(16000, 8000), Signal.Sine(1000, 16000, 16000));
        Assert.InRange(Signal.Decibels(Signal.Amplitude(pass, 1000, 8000) / 10000), -0.2, 0.2);
        var reject = InFrames(Resampler.Create(16000, 8000), Signal.Sine(6000, 16000, 16000));
        Assert.True(Signal.Decibels(Signal.Amplitude(reject, 2000, 8000) / 10000) < -60);
        Assert.True(Signal.Decibels(Signal.Amplitude(reject, 6000, 16000) / 10000) < -60);
    }

    [Fact]
    public void Telephone_band_speech_frequencies_pass_flat()
    {
        foreach (var frequency in new[] { 300, 2000, 3000 })
        {
            var output = InFrames(Resampler.Create(16000, 8000), Signal.Sine(frequency, 16000, 16000));
            Assert.InRange(Signal.Decibels(Signal.Amplitude(output, frequency, 8000) / 10000), -0.5, 0.5);
        }
    }

    [Fact]
    public void Upsampling_keeps_a_1_kHz_tone_and_suppresses_its_7_kHz_image()
    {
        var output = InFrames(Resampler.Create(8000, 16000), Signal.Sine(1000, 8000, 8000));
        Assert.InRange(Signal.Decibels(Signal.Amplitude(output, 1000, 16000) / 10000), -0.2, 0.2);
        // Zero-stuffing mirrors 1 kHz to 8 − 1 = 7 kHz; the half-band filter must remove it.
        Assert.True(Signal.Decibels(Signal.Amplitude(output, 7000, 16000) / 10000) < -60);
    }

    [Fact]
    public void Frame_by_frame_output_equals_one_block_output()
    {
        var input = Signal.Sine(440, 8000, 1600);
        var whole = new short[3200];
        Resampler.Create(8000, 16000).Process(input, whole);
        var framed = Resampler.Create(8000, 16000);
        var pieces = new List<short>();
        var buffer = new short[320];
        for (var start = 0; start < input.Length; start += 160)
        {
            framed.Process(input.AsSpan(start, 160), buffer);
            pieces.AddRange(buffer);
        }
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Upsampling_passes_the_input_samples_through_delayed()
    {
        // The half-band's centre tap is 0.5 and its other even taps are zero: every second output is an input sample.
        var input = Signal.Sine(700, 8000, 400);
        var output = new short[800];
        Resampler.Create(8000, 16000).Process(input, output);
        var delay = 16; // (centre + 1) / 2 input samples
        for (var n = delay; n < 400; n++) Assert.Equal(input[n - delay], output[(2 * n) - 1]);
    }

    [Fact]
    public void Equal_rates_copy_and_other_ratios_are_refused()
    {
        var copy = Resampler.Create(8000, 8000);
        var output = new short[3];
        Assert.Equal(3, copy.Process([1, 2, 3], output));
        Assert.Equal(new short[] { 1, 2, 3 }, output);
        Assert.False(Resampler.IsSupported(8000, 48000));
        Assert.Throws<ArgumentException>(() => Resampler.Create(8000, 11025));
    }

    [Fact]
    public void Loud_input_saturates_instead_of_wrapping()
    {
        var square = Enumerable.Range(0, 640).Select(n => (n / 8) % 2 == 0 ? short.MaxValue : short.MinValue).ToArray();
        var output = new short[1280];
        Resampler.Create(8000, 16000).Process(square, output);
        // The overshoot after each edge exceeds 16 bits; saturation clips it where wrapping would flip its sign.
        Assert.Contains(short.MaxValue, output);
        Assert.Contains(short.MinValue, output);
        for (var n = 100; n < 1200; n++)
        {
            var inputIndex = ((n + 1) / 2) - 16;
            if (inputIndex % 8 is >= 1 and <= 6) Assert.Equal(Math.Sign(square[inputIndex]), Math.Sign(output[n]));
        }
    }
}
