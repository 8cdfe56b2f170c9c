using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Tests.Endpointing;

public sealed class AudioHistoryTests
{
    [Fact]
    public void The_newest_samples_are_kept_across_wrap_arounds_and_blocks_longer_than_the_ring()
    {
        var history = new AudioHistory(100);
        var next = 0;
        foreach (var length in new[] { 30, 30, 30, 30, 7, 250, 1, 64 })
        {
            history.Write(Enumerable.Range(next, length).Select(i => (short)i).ToArray());
            next += length;
            Assert.Equal((next, Math.Max(0, next - 100)), (history.End, history.Start));
            var held = new short[100];
            var count = history.CopyFrom(0, held);
            Assert.Equal(Enumerable.Range((int)history.Start, (int)(history.End - history.Start)).Select(i => (short)i), held[..count]);
        }
        var part = new short[10];
        Assert.Equal(10, history.CopyFrom(next - 25, part));
        Assert.Equal(Enumerable.Range(next - 25, 10).Select(i => (short)i), part);
    }

    [Fact]
    public void Growing_keeps_what_is_held()
    {
        var history = new AudioHistory(50);
        history.Write(Enumerable.Range(0, 130).Select(i => (short)i).ToArray());
        history.EnsureCapacity(200);
        history.Write(Enumerable.Range(130, 20).Select(i => (short)i).ToArray());
        var held = new short[200];
        var count = history.CopyFrom(0, held);
        Assert.Equal(Enumerable.Range(80, 70).Select(i => (short)i), held[..count]);
    }
}
