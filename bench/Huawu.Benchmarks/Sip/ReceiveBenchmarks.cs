using System.Net;
using BenchmarkDotNet.Attributes;
using Huawu.Sip.Stack;
using Huawu.Sip.Transport;

namespace Huawu.Benchmarks.Sip;

/// <summary>
/// What the UDP transport does with each datagram after the socket returns it: copy it out of the pooled receive
/// buffer, parse, match and dispatch (the source address is the one kept from the same peer's last datagram). The
/// socket call itself is the kernel's and is left out.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ReceiveBenchmarks : ISipRequestHandler
{
    private readonly byte[] receiveBuffer = new byte[65_536];
    private readonly IPEndPoint source = new(IPAddress.Parse("192.0.2.101"), 5060);
    private SipStack stack = null!;
    private ITransportSink sink = null!;
    private InMemoryWire wire = null!;
    private int retransmissionLength;
    private int responseLength;

    [GlobalSetup]
    public void Setup()
    {
        wire = new InMemoryWire(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));
        wire.Peer = new InMemoryWire(new IPEndPoint(IPAddress.Parse("192.0.2.101"), 5060));
        wire.Peer.Start(new Discard());
        stack = new SipStack(new SipStackOptions(), this, TimeProvider.System, null, [wire]);
        sink = stack;
        stack.Start();
        // An INVITE the TU leaves ringing: each copy of it is a retransmission its server transaction absorbs.
        SipSamples.Invite.CopyTo(receiveBuffer, 0);
        retransmissionLength = SipSamples.Invite.Length;
        Deliver(retransmissionLength);
        responseLength = SipSamples.Ok.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => stack.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A retransmitted INVITE: parsed, matched to its transaction (RFC 3261 §17.2.3), its 180 sent again.</summary>
    [Benchmark]
    public void RequestRetransmissionAbsorbed()
    {
        SipSamples.Invite.CopyTo(receiveBuffer, 0);
        Deliver(retransmissionLength);
    }

    /// <summary>A response matching no transaction: parsed, looked up, counted and dropped (§18.1.2).</summary>
    [Benchmark]
    public void StrayResponseDropped()
    {
        SipSamples.Ok.CopyTo(receiveBuffer, 0);
        Deliver(responseLength);
    }

    public void OnRequest(SipServerTransaction request) => request.Respond(180);

    private void Deliver(int length) =>
        sink.OnReceived(new ReceivedMessage(receiveBuffer.AsSpan(0, length).ToArray(), wire, source, null));

    private sealed class Discard : ITransportSink
    {
        public void OnReceived(in ReceivedMessage message)
        {
        }
    }
}
