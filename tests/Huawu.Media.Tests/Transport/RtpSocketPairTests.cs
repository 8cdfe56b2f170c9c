using System.Net;
using System.Net.Sockets;
using Huawu.Media.Transport;

namespace Huawu.Media.Tests.Transport;

public sealed class RtpSocketPairTests
{
    private sealed class Collector : IRtpPacketReceiver
    {
        public List<(bool IsRtcp, byte[] Data, IPEndPoint Source)> Received { get; } = [];

        public void OnRtp(ReadOnlySpan<byte> datagram, SocketAddress source) => Add(false, datagram, source);

        public void OnRtcp(ReadOnlySpan<byte> datagram, SocketAddress source) => Add(true, datagram, source);

        private void Add(bool isRtcp, ReadOnlySpan<byte> datagram, SocketAddress source)
        {
            lock (Received) Received.Add((isRtcp, datagram.ToArray(), (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(source)));
        }
    }

    private static int FreeBase() => 42000 + (Random.Shared.Next(0, 2000) * 2);

    [Fact]
    public async Task Binds_rtp_and_rtcp_on_consecutive_ports_and_receives_on_both()
    {
        var first = FreeBase();
        var allocator = new RtpPortAllocator(first, first + 40);
        Assert.Equal(RtpSocketStatus.Ok, RtpSocketPair.TryOpen(IPAddress.Loopback, allocator, out var pair));
        var collector = new Collector();
        using (pair)
        {
            pair!.Start(collector);
            using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            peer.SendTo([1, 2, 3], new IPEndPoint(IPAddress.Loopback, pair.Port));
            peer.SendTo([4, 5], new IPEndPoint(IPAddress.Loopback, pair.Port + 1));
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (collector.Received.Count < 2 && DateTime.UtcNow < deadline) Thread.Sleep(5);
            lock (collector.Received)
            {
                Assert.Contains(collector.Received, r => !r.IsRtcp && r.Data.SequenceEqual(new byte[] { 1, 2, 3 }));
                Assert.Contains(collector.Received, r => r.IsRtcp && r.Data.SequenceEqual(new byte[] { 4, 5 }));
                Assert.All(collector.Received, r => Assert.Equal(peer.LocalEndPoint, r.Source));
            }

            // Sending goes from the bound ports (symmetric RTP needs that).
            pair.SendRtp([9], new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)peer.LocalEndPoint!).Port).Serialize());
            var buffer = new byte[16];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            peer.ReceiveTimeout = 5000;
            Assert.Equal(1, peer.ReceiveFrom(buffer, ref from));
            Assert.Equal(pair.Port, ((IPEndPoint)from).Port);
        }
        await pair.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(allocator.Capacity, allocator.Available);
    }

    [Fact]
    public void Ports_held_by_other_programs_are_skipped()
    {
        var first = FreeBase();
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, first + 1)); // the RTCP port of the first pair
        var allocator = new RtpPortAllocator(first, first + 3);
        Assert.Equal(RtpSocketStatus.Ok, RtpSocketPair.TryOpen(IPAddress.Loopback, allocator, out var pair));
        using (pair) Assert.Equal(first + 2, pair!.Port);
    }

    [Fact]
    public void An_exhausted_range_says_so()
    {
        var first = FreeBase();
        var allocator = new RtpPortAllocator(first, first + 1);
        Assert.Equal(RtpSocketStatus.Ok, RtpSocketPair.TryOpen(IPAddress.Loopback, allocator, out var pair));
        using (pair)
        {
            Assert.Equal(RtpSocketStatus.NoPortsAvailable, RtpSocketPair.TryOpen(IPAddress.Loopback, allocator, out var none));
            Assert.Null(none);
        }
    }
}
