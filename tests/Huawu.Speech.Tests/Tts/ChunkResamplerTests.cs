using Huawu.Speech.Tts.Audio;

namespace Huawu.Speech.Tests.Tts;

/// <summary>The TTS side of resampling; the filter itself is tested with Huawu.Media's PolyphaseResampler.</summary>
public class ChunkResamplerTests
{
    [Theory]
    [InlineData(22050, 8000)]
    [InlineData(24000, 22050)]
    [InlineData(8000, 22050)]
    public void A_converted_clip_is_as_long_as_the_original_and_starts_with_it(int from, int to)
    {
        var input = Tone(500, from, count: from / 3);
        var output = ChunkResampler.Convert(input, from, to);
        Assert.Equal(((input.Length * (long)to) + from - 1) / from, output.Length);
        // No filter delay: output n is the tone at time n / to, not later.
        var expected = Tone(500, to, count: output.Length);
        for (var n = to / 20; n < output.Length - (to / 20); n++) Assert.InRange(output[n] - expected[n], -3, 3);
    }

    [Fact]
    public void Chunks_of_any_size_give_the_clips_samples()
    {
        var input = Tone(440, 22050, count: 11025);
        var whole = ChunkResampler.Convert(input, 22050, 8000);
        var streaming = new ChunkResampler(22050, 8000);
        var pieces = new List<short>();
        var random = new Random(7);
        for (var at = 0; at < input.Length;)
        {
            // Chunks shorter than the filter's delay too: the delay is removed across them.
            var length = Math.Min(random.Next(1, 90), input.Length - at);
            pieces.AddRange(streaming.Process(input.AsSpan(at, length)));
            at += length;
        }
        pieces.AddRange(streaming.Flush());
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void A_clip_shorter_than_the_delay_still_comes_out_whole()
    {
        var output = ChunkResampler.Convert(Tone(440, 22050, count: 20), 22050, 8000);
        Assert.Equal(8, output.Length);
    }

    private static short[] Tone(double frequency, int rate, int count) =>
        Enumerable.Range(0, count).Select(i => (short)Math.Round(10000 * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();
}
