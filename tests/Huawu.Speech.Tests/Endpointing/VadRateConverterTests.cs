using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Tests.Endpointing;

/// <summary>The conversion to the detector's rate keeps speech-band content and rejects what would alias.</summary>
public sealed class VadRateConverterTests
{
    [Theory]
    [InlineData(48000, 16000, 1000)]
    [InlineData(48000, 16000, 5000)]
    [InlineData(48000, 8000, 1000)]
    [InlineData(24000, 8000, 2500)]
    [InlineData(8000, 16000, 1000)]
    [InlineData(16000, 8000, 3000)]
    public void A_tone_in_the_pass_band_keeps_its_level_and_frequency(int inputRate, int outputRate, double frequency)
    {
        var output = Convert(inputRate, outputRate, frequency, seconds: 1);
        // Skip the filters' start-up; measure the rest.
        var steady = output[(outputRate / 10)..];
        Assert.InRange(LevelDb(steady) - LevelDb(Sine(inputRate, frequency, 1)), -0.5, 0.5);
        var crossings = steady.Zip(steady.Skip(1)).Count(p => (p.First < 0) != (p.Second < 0));
        Assert.InRange(crossings / 2.0 / ((double)steady.Length / outputRate), frequency * 0.99, frequency * 1.01);
    }

    [Theory]
    [InlineData(48000, 16000, 12000)]
    [InlineData(48000, 16000, 9000)]
    [InlineData(48000, 8000, 6000)]
    public void A_tone_above_the_new_nyquist_frequency_is_suppressed(int inputRate, int outputRate, double frequency)
    {
        var output = Convert(inputRate, outputRate, frequency, seconds: 1)[(outputRate / 10)..];
        Assert.True(LevelDb(output) - LevelDb(Sine(inputRate, frequency, 1)) < -40, $"{frequency} Hz aliased at {LevelDb(output):F1} dB");
    }

    [Theory]
    [InlineData(48000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(8000, 16000)]
    public void Blocks_of_any_length_join_seamlessly(int inputRate, int outputRate)
    {
        var input = Sine(inputRate, 700, 0.5);
        var whole = Convert(inputRate, outputRate, input, inputRate / 50);
        var pieces = Convert(inputRate, outputRate, input, 5);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Equal_rates_pass_through_untouched_with_no_delay()
    {
        var converter = VadRateConverter.Create(8000, 8000, 160);
        var input = Sine(8000, 440, 0.02);
        Assert.Equal(input, converter.Convert(input).ToArray());
        Assert.Equal(0, converter.Latency);
    }

    private static short[] Convert(int inputRate, int outputRate, double frequency, double seconds) =>
        Convert(inputRate, outputRate, Sine(inputRate, frequency, seconds), inputRate / 50);

    private static short[] Convert(int inputRate, int outputRate, short[] input, int block)
    {
        var converter = VadRateConverter.Create(inputRate, outputRate, inputRate / 50);
        var output = new List<short>();
        for (var at = 0; at + block <= input.Length; at += block) output.AddRange(converter.Convert(input.AsSpan(at, block)).ToArray());
        return [.. output];
    }

    private static short[] Sine(int rate, double frequency, double seconds) =>
        Enumerable.Range(0, (int)(rate * seconds)).Select(n => (short)Math.Round(10000 * Math.Sin(2 * Math.PI * frequency * n / rate))).ToArray();

    private static double LevelDb(short[] samples) => 10 * Math.Log10(samples.Average(s => (double)s * s) + 1e-9);
}
