using Huawu.Media.Transport;

namespace Huawu.Media.Tests.Transport;

public sealed class RtpPortAllocatorTests
{
    [Fact]
    public void Ports_are_even_with_room_for_rtcp_on_the_next_odd_port()
    {
        // RFC 3550 §11: RTP on an even port, RTCP on the next higher (odd) one.
        var allocator = new RtpPortAllocator(20001, 20008);
        var ports = new List<int>();
        while (allocator.TryAllocate(out var port)) ports.Add(port);
        Assert.Equal([20002, 20004, 20006], ports);
        Assert.Equal(3, allocator.Capacity);
    }

    [Fact]
    public void Exhaustion_is_a_clear_result_and_released_ports_are_reused_last()
    {
        var allocator = new RtpPortAllocator(30000, 30005);
        Assert.True(allocator.TryAllocate(out var first));
        Assert.True(allocator.TryAllocate(out var second));
        Assert.True(allocator.TryAllocate(out var third));
        Assert.False(allocator.TryAllocate(out _));
        Assert.Equal(0, allocator.Available);
        allocator.Release(second);
        allocator.Release(first);
        Assert.True(allocator.TryAllocate(out var again));
        Assert.Equal(second, again);
        Assert.True(allocator.TryAllocate(out again));
        Assert.Equal(first, again);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void Releasing_a_port_not_handed_out_is_a_bug()
    {
        var allocator = new RtpPortAllocator(30000, 30010);
        Assert.Throws<InvalidOperationException>(() => allocator.Release(30002));
        allocator.TryAllocate(out var port);
        allocator.Release(port);
        Assert.Throws<InvalidOperationException>(() => allocator.Release(port));
    }

    [Fact]
    public void A_range_without_a_pair_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RtpPortAllocator(30001, 30002));
    }
}
