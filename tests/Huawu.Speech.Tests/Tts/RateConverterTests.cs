using Huawu.Speech.Tts.Audio;

namespace Huawu.Speech.Tests.Tts;

public class RateConverterTests
{
    [Theory]
    [InlineData(22050, 8000)]
    [InlineData(24000, 8000)]
    [InlineData(22050, 16000)]
    [InlineData(8000, 22050)]
    public void A_tone_below_both_Nyquist_frequencies_keeps_its_level_and_frequency(int from, int to)
    {
        var input = Tone(1000, from, seconds: 1);
        var output = RateConverter.Convert(input, from, to);
        Assert.InRange(output.Length, to - 1, to + 1);
        var middle = output.AsSpan(to / 10, to * 8 / 10);
        Assert.InRange(AudioMeasure.Rms(middle) / AudioMeasure.Rms(input), 0.97, 1.03);
        Assert.True(Power(middle, 1000, to) > 100 * Power(middle, 1300, to), "the energy stays at 1 kHz");
    }

    [Fact]
    public void Frequencies_above_the_output_Nyquist_are_filtered_out_not_aliased()
    {
        // 6 kHz at 22050 Hz would alias to 2 kHz at 8 kHz without the low-pass.
        var output = RateConverter.Convert(Tone(6000, 22050, seconds: 1), 22050, 8000);
        Assert.True(AudioMeasure.Rms(output.AsSpan(800, 6400)) < 0.01 * 10000, "attenuated by more than 40 dB");
    }

    [Fact]
    public void Streaming_in_uneven_blocks_gives_the_same_samples_as_one_block()
    {
        var input = Tone(440, 22050, seconds: 0.5);
        var whole = RateConverter.Convert(input, 22050, 8000);
        var streaming = new RateConverter(22050, 8000);
        var pieces = new List<short>();
        var random = new Random(7);
        for (var at = 0; at < input.Length;)
        {
            var length = Math.Min(random.Next(1, 900), input.Length - at);
            pieces.AddRange(streaming.Process(input.AsSpan(at, length)));
            at += length;
        }
        pieces.AddRange(streaming.Flush());
        Assert.Equal(whole, pieces);
    }

    private static short[] Tone(double frequency, int rate, double seconds) =>
        Enumerable.Range(0, (int)(rate * seconds)).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();

    // Goertzel: the signal's power at one frequency.
    private static double Power(ReadOnlySpan<short> samples, double frequency, int rate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / rate);
        double previous = 0, beforePrevious = 0;
        foreach (var s in samples)
        {
            var current = s + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }
}
