using System.Net;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;
using Huawu.Sip.Transport;
using Huawu.Testing;

namespace Huawu.Sip.Tests.Fakes;

/// <summary>
/// A transport without sockets: what the stack sends is recorded with the fake time it was sent at, and tests
/// inject what the stack "receives". Reliable or not, to exercise both timer regimes of RFC 3261 §17.
/// </summary>
internal sealed class FakeTransport : ISipTransport
{
    private readonly ManualTimeProvider time;
    private readonly List<SentMessage> sent = [];
    private ITransportSink? sink;

    public FakeTransport(ManualTimeProvider time, TransportProtocol protocol = TransportProtocol.Udp, int port = 5060)
    {
        this.time = time;
        Protocol = protocol;
        LocalEndPoint = new IPEndPoint(IPAddress.Parse("192.0.2.10"), port);
    }

    public TransportProtocol Protocol { get; }

    public bool IsReliable => Protocol != TransportProtocol.Udp;

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>When set, every send fails as an unreachable destination would.</summary>
    public bool FailSends { get; set; }

    public IReadOnlyList<SentMessage> Sent
    {
        get { lock (sent) return [.. sent]; }
    }

    public void Start(ITransportSink sink) => this.sink = sink;

    public void Send(in OutboundRoute route, ReadOnlyMemory<byte> message, ISendFailureHandler? onFailure)
    {
        if (FailSends)
        {
            onFailure?.OnSendFailed();
            return;
        }
        // A 400 copies the malformed header it complains about (RFC 3261 §8.2.6.2), so it may not parse in full.
        var parsed = SipParser.TryParse(message.ToArray(), out var complete, out var error) ? complete : error.PartialMessage;
        Assert.True(parsed is not null, "the stack sent something that is not SIP: " + error.Reason);
        var sentMessage = new SentMessage(time.GetUtcNow(), route.Remote, parsed);
        lock (sent) sent.Add(sentMessage);
        OnSent?.Invoke(sentMessage);
    }

    /// <summary>Called with each message as it is sent, on the sending thread (a peer answering at once).</summary>
    public Action<SentMessage>? OnSent { get; set; }

    /// <summary>Delivers bytes as if they arrived from <paramref name="from"/>.</summary>
    public void Receive(byte[] bytes, IPEndPoint from) => sink!.OnReceived(new ReceivedMessage(bytes, this, from, null));

    public void Receive(SipMessage message, IPEndPoint from) => Receive(message.Buffer.ToArray(), from);

    public void ClearSent()
    {
        lock (sent) sent.Clear();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed record SentMessage(DateTimeOffset At, IPEndPoint To, SipMessage Message)
{
    public int StatusCode => Message.StatusCode;

    public KnownMethod Method => Message.Method.Known;
}
