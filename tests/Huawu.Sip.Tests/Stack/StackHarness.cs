using System.Collections.Concurrent;
using System.Net;
using Huawu.Sip.Building;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Sip.Tests.Fakes;
using Huawu.Sip.Tests.Transactions;
using Huawu.Sip.Transport;
using Huawu.Testing;

namespace Huawu.Sip.Tests.Stack;

/// <summary>
/// A whole stack on fake time over fake transports: tests play the peer by injecting messages and reading what the
/// stack sent. Every step runs synchronously on the test's thread.
/// </summary>
internal sealed class StackHarness : ISipRequestHandler
{
    public static readonly IPEndPoint Peer = TransactionHarness.Peer;

    public StackHarness(SipStackOptions? options = null, ISipHostResolver? resolver = null)
    {
        Time = new ManualTimeProvider(TransactionHarness.Origin);
        Udp = new FakeTransport(Time);
        Tcp = new FakeTransport(Time, TransportProtocol.Tcp);
        Resolver = resolver as FakeResolver ?? new FakeResolver()
            .Add("p1.example.com", "198.51.100.21")
            .Add("p2.example.com", "198.51.100.22")
            .Add("strict.example.com", "198.51.100.23");
        Stack = new SipStack(options ?? new SipStackOptions(), this, Time, resolver ?? Resolver, [Udp, Tcp]);
        Stack.Start();
    }

    public ManualTimeProvider Time { get; }

    public FakeResolver Resolver { get; }

    public FakeTransport Udp { get; }

    public FakeTransport Tcp { get; }

    public SipStack Stack { get; }

    public RecordingDialogHandler Dialogs { get; } = new();

    public ConcurrentQueue<SipServerTransaction> Requests { get; } = new();

    /// <summary>What the TU does with a request outside dialogs; by default it only records it.</summary>
    public Action<SipServerTransaction>? OnIncoming { get; set; }

    public void OnRequest(SipServerTransaction request)
    {
        Requests.Enqueue(request);
        OnIncoming?.Invoke(request);
    }

    public void Receive(SipMessage message, IPEndPoint? from = null) => Udp.Receive(message, from ?? Peer);

    public void Receive(byte[] bytes, IPEndPoint? from = null) => Udp.Receive(bytes, from ?? Peer);

    /// <summary>The messages sent so far, by status code (responses) or method (requests).</summary>
    public List<SentMessage> SentResponses(int status) => [.. Udp.Sent.Where(s => s.StatusCode == status)];

    public List<SentMessage> SentRequests(KnownMethod method) => [.. Udp.Sent.Where(s => s.Message.IsRequest && s.Method == method)];

    public SentMessage LastSent => Udp.Sent[^1];

    public long Count(SipCounter counter) => Stack.GetStatistics()[counter];

    /// <summary>The INVITE a UAC would send, addressed to this stack.</summary>
    public static SipMessage IncomingInvite(string branch = "z9hG4bKinv1", string callId = "call-1@example.com", uint cseq = 1, params string[] extra) =>
        TestMessages.Request("INVITE", branch: branch, callId: callId, cseq: cseq, body: "v=0\r\n", extra: ["Content-Type: application/sdp", .. extra]);

    /// <summary>Accepts every incoming INVITE with 200 and an SDP answer, creating dialogs for <see cref="Dialogs"/>.</summary>
    public void AnswerInvitesWith200()
    {
        OnIncoming = request =>
        {
            var ok = request.CreateResponse(200).SetBody("v=0\r\n"u8.ToArray(), "application/sdp");
            request.Accept(ok, Dialogs);
        };
    }

    /// <summary>A response from the peer to a request the stack sent.</summary>
    public static SipMessage Answer(SipMessage request, int status, string toTag = "peer-tag", params string[] extra) =>
        TestMessages.Response(request, status, toTag, extra);

    /// <summary>The final response, which must have come already (everything here runs synchronously).</summary>
    public static SipResponse Final(SipClientRequest request)
    {
        Assert.True(request.FinalResponse.IsCompleted, "no final response yet");
        return request.FinalResponse.GetAwaiter().GetResult();
    }
}
