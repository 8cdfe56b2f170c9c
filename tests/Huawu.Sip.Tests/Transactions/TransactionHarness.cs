using System.Net;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Tests.Fakes;
using Huawu.Sip.Transactions;
using Huawu.Sip.Transport;
using Huawu.Testing;

namespace Huawu.Sip.Tests.Transactions;

/// <summary>A transaction layer on fake time over a fake UDP and a fake TCP transport.</summary>
internal sealed class TransactionHarness : IClientTransactionUser, IServerTransactionUser
{
    public static readonly IPEndPoint Peer = new(IPAddress.Parse("198.51.100.7"), 5060);

    public TransactionHarness(int maxServerTransactions = 100)
    {
        Udp = new FakeTransport(Time);
        Tcp = new FakeTransport(Time, TransportProtocol.Tcp);
        Layer = new TransactionLayer(new TransactionContext(Time, SipTimerOptions.Default, Counters), maxServerTransactions);
    }

    /// <summary>Where every test's fake clock starts.</summary>
    public static readonly DateTimeOffset Origin = new ManualTimeProvider().GetUtcNow();

    public ManualTimeProvider Time { get; } = new(Origin);

    public SipCounters Counters { get; } = new();

    public FakeTransport Udp { get; }

    public FakeTransport Tcp { get; }

    public TransactionLayer Layer { get; }

    public List<SipMessage> Responses { get; } = [];

    public List<ClientFailure> Failures { get; } = [];

    public int Cancellations { get; private set; }

    public FakeTransport TransportFor(bool reliable) => reliable ? Tcp : Udp;

    public ClientTransaction StartClient(SipMessage request, bool reliable = false)
    {
        var transaction = Layer.CreateClient(request, new OutboundRoute(TransportFor(reliable), Peer), this);
        transaction.Start();
        return transaction;
    }

    public ServerTransaction CreateServer(SipMessage request, bool reliable = false)
    {
        var target = new ResponseTarget(new OutboundRoute(TransportFor(reliable), Peer), null);
        Assert.Equal(ServerCreation.Created, Layer.TryCreateServer(request, target, out var transaction));
        transaction!.User = this;
        return transaction;
    }

    /// <summary>Milliseconds since the start of the test at which each message was sent.</summary>
    public static int[] Instants(IEnumerable<SentMessage> sent) =>
        [.. sent.Select(s => (int)(s.At - Origin).TotalMilliseconds)];

    public void OnResponse(ClientTransaction transaction, SipMessage response) => Responses.Add(response);

    public void OnFailure(ClientTransaction transaction, ClientFailure failure) => Failures.Add(failure);

    public void OnCancelled() => Cancellations++;

    public long Count(SipCounter counter) => Counters[counter];
}
