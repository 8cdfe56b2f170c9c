using Huawu.Media.Dsp;

namespace Huawu.Media.Tests.Dsp;

/// <summary>Runs whole signals through a <see cref="PolyphaseResampler"/>, flush included.</summary>
internal static class Resample
{
    public static short[] OneShot(PolyphaseResampler resampler, short[] input) => InBlocks(resampler, input, () => input.Length);

    /// <summary>Feeds blocks of the sizes <paramref name="nextSize"/> gives, checking each against the bound it promises.</summary>
    public static short[] InBlocks(PolyphaseResampler resampler, short[] input, Func<int> nextSize)
    {
        var output = new List<short>();
        for (var at = 0; at < input.Length;)
        {
            var block = input.AsSpan(at, Math.Min(nextSize(), input.Length - at));
            var buffer = new short[resampler.MaxOutputLength(block.Length)];
            var written = resampler.Process(block, buffer);
            Assert.InRange(written, 0, buffer.Length);
            output.AddRange(buffer.AsSpan(0, written));
            at += block.Length;
        }
        var tail = new short[resampler.Latency];
        Assert.Equal(tail.Length, resampler.Flush(tail));
        output.AddRange(tail);
        return [.. output];
    }
}
