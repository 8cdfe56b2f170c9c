using Huawu.Sip.Messages;
using Huawu.Sip.Tests.Fakes;
using Huawu.Sip.Transactions;

namespace Huawu.Sip.Tests.Transactions;

/// <summary>The client transactions of RFC 3261 §17.1 (with RFC 6026) on fake time.</summary>
public sealed class ClientTransactionTests
{
    private readonly TransactionHarness harness = new();

    [Fact]
    public void Invite_timer_A_keeps_doubling_and_timer_B_ends_the_wait_at_64_T1()
    {
        // RFC 3261 §17.1.1.2: A = T1, 2·T1, 4·T1… with no cap; B = 64·T1.
        harness.StartClient(TestMessages.Request("INVITE"));
        harness.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal([0, 500, 1500, 3500, 7500, 15500, 31500], TransactionHarness.Instants(harness.Udp.Sent));
        Assert.Equal([ClientFailure.Timeout], harness.Failures);
        Assert.Equal(0, harness.Layer.Count);
    }

    [Fact]
    public void Non_invite_timer_E_doubles_up_to_T2_and_timer_F_ends_it()
    {
        // RFC 3261 §17.1.2.2: E = T1, then doubling capped at T2 = 4 s; F = 64·T1.
        harness.StartClient(TestMessages.Request("OPTIONS"));
        harness.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], TransactionHarness.Instants(harness.Udp.Sent));
        Assert.Equal([ClientFailure.Timeout], harness.Failures);
    }

    [Fact]
    public void Non_invite_retransmits_every_T2_once_proceeding()
    {
        // RFC 3261 §17.1.2.2: in Proceeding, Timer E is reset with T2 each time it fires.
        var request = TestMessages.Request("BYE", toTag: "bob-tag");
        harness.StartClient(request);
        harness.Time.Advance(100);
        harness.Layer.TryDeliverResponse(TestMessages.Response(request, 100));
        harness.Time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(100));

        Assert.Equal([0, 500, 4500, 8500], TransactionHarness.Instants(harness.Udp.Sent));
        Assert.Equal(100, Assert.Single(harness.Responses).StatusCode);
    }

    [Theory]
    [InlineData("INVITE")]
    [InlineData("OPTIONS")]
    public void Reliable_transports_send_once_and_still_time_out(string method)
    {
        // RFC 3261 §17.1.1.2 and §17.1.2.2: A and E are for unreliable transports only; B and F always run.
        harness.StartClient(TestMessages.Request(method), reliable: true);
        harness.Time.Advance(TimeSpan.FromMilliseconds(31_999));
        Assert.Empty(harness.Failures);
        harness.Time.Advance(1);

        Assert.Single(harness.Tcp.Sent);
        Assert.Empty(harness.Udp.Sent);
        Assert.Equal([ClientFailure.Timeout], harness.Failures);
    }

    [Fact]
    public void Non_invite_final_response_completes_and_timer_K_absorbs_retransmissions_for_T4()
    {
        var request = TestMessages.Request("OPTIONS");
        var transaction = harness.StartClient(request);
        var ok = TestMessages.Response(request, 200);
        harness.Layer.TryDeliverResponse(ok);
        harness.Layer.TryDeliverResponse(ok);

        Assert.Single(harness.Responses);
        Assert.Equal(TransactionState.Completed, transaction.State);
        harness.Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(TransactionState.Completed, transaction.State);
        harness.Time.Advance(1);
        Assert.Equal(TransactionState.Terminated, transaction.State);
        Assert.False(harness.Layer.TryDeliverResponse(ok)); // now a stray (§18.1.2)
        Assert.Single(harness.Udp.Sent); // no retransmission after the final
    }

    [Fact]
    public void Reliable_non_invite_terminates_at_once_on_a_final_response()
    {
        var request = TestMessages.Request("OPTIONS", transport: "TCP");
        var transaction = harness.StartClient(request, reliable: true);
        harness.Layer.TryDeliverResponse(TestMessages.Response(request, 200));
        Assert.Equal(TransactionState.Terminated, transaction.State); // Timer K is zero (§17.1.2.2)
    }

    [Fact]
    public void Invite_failure_is_acknowledged_by_the_transaction_and_again_for_each_retransmission()
    {
        // RFC 3261 §17.1.1.3: the ACK copies Request-URI, top Via, From, Call-ID and CSeq number, and the response's To.
        var invite = TestMessages.Request("INVITE", extra: "Route: <sip:proxy.example.com;lr>");
        var transaction = harness.StartClient(invite);
        var busy = TestMessages.Response(invite, 486);
        harness.Layer.TryDeliverResponse(busy);
        harness.Layer.TryDeliverResponse(busy);

        var acks = harness.Udp.Sent.Where(s => s.Method == KnownMethod.Ack).Select(s => s.Message).ToList();
        Assert.Equal(2, acks.Count);
        var ack = acks[0];
        Assert.Equal(invite.RequestUri.ToString(), ack.RequestUri.ToString());
        Assert.Equal(invite.TopVia.Branch, ack.TopVia.Branch);
        Assert.Single(ack.Vias);
        Assert.Equal("bob-tag", ack.To.Tag);
        Assert.Equal("alice-tag", ack.From.Tag);
        Assert.Equal((1u, KnownMethod.Ack), (ack.CSeq.Number, ack.CSeq.KnownMethod));
        Assert.Equal("<sip:proxy.example.com;lr>", Assert.Single(ack.Routes).ToString());
        Assert.Single(harness.Responses); // the retransmission does not reach the TU
        Assert.Equal(TransactionState.Completed, transaction.State);

        // Timer D: 32 s on unreliable transports.
        harness.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(TransactionState.Terminated, transaction.State);
        Assert.Empty(harness.Failures);
    }

    [Fact]
    public void Invite_2xx_moves_to_accepted_where_every_2xx_reaches_the_TU_until_timer_M()
    {
        // RFC 6026 §7.2: the TU (the dialog) acknowledges 2xx and sees its retransmissions and forks.
        var invite = TestMessages.Request("INVITE");
        var transaction = harness.StartClient(invite);
        harness.Layer.TryDeliverResponse(TestMessages.Response(invite, 180));
        harness.Layer.TryDeliverResponse(TestMessages.Response(invite, 200));
        harness.Layer.TryDeliverResponse(TestMessages.Response(invite, 200));
        harness.Layer.TryDeliverResponse(TestMessages.Response(invite, 200, toTag: "fork-2"));

        Assert.Equal([180, 200, 200, 200], harness.Responses.Select(r => r.StatusCode));
        Assert.Equal(TransactionState.Accepted, transaction.State);
        Assert.DoesNotContain(harness.Udp.Sent, s => s.Method == KnownMethod.Ack); // the ACK for 2xx is not the transaction's
        harness.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(TransactionState.Terminated, transaction.State);
        Assert.Equal([0], TransactionHarness.Instants(harness.Udp.Sent)); // a provisional stopped timer A
    }

    [Fact]
    public void Provisional_response_stops_timer_B()
    {
        // RFC 3261 §17.1.1.2: Timer B applies in Calling only; a ringing call waits for the TU.
        var invite = TestMessages.Request("INVITE");
        var transaction = harness.StartClient(invite);
        harness.Layer.TryDeliverResponse(TestMessages.Response(invite, 180));
        harness.Time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(TransactionState.Proceeding, transaction.State);
        Assert.Empty(harness.Failures);
    }

    [Fact]
    public void After_a_cancel_the_invite_gives_up_64_T1_later_without_a_final_response()
    {
        // RFC 3261 §9.1: the INVITE transaction is destroyed if no final response follows the CANCEL in 64·T1.
        var invite = TestMessages.Request("INVITE");
        var transaction = (ClientInviteTransaction)harness.StartClient(invite);
        harness.Layer.TryDeliverResponse(TestMessages.Response(invite, 180));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        transaction.OnCancelSent();
        harness.Time.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(TransactionState.Proceeding, transaction.State);
        harness.Time.Advance(1);

        Assert.Equal(TransactionState.Terminated, transaction.State);
        Assert.Equal([ClientFailure.Timeout], harness.Failures);
    }

    [Fact]
    public void A_transport_failure_is_reported_once_and_ends_the_transaction()
    {
        // RFC 3261 §17.1.4 and §8.1.3.1: the TU treats it as a 503.
        harness.Udp.FailSends = true;
        var transaction = harness.StartClient(TestMessages.Request("INVITE"));
        harness.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal([ClientFailure.TransportError], harness.Failures);
        Assert.Equal(TransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Responses_match_by_branch_and_cseq_method()
    {
        // RFC 3261 §17.1.3: a CANCEL shares the INVITE's branch but is its own transaction.
        var invite = TestMessages.Request("INVITE");
        harness.StartClient(invite);
        var cancel = TestMessages.Request("CANCEL");
        var cancelTransaction = harness.StartClient(cancel);

        Assert.True(harness.Layer.TryDeliverResponse(TestMessages.Response(cancel, 200)));
        Assert.Equal(TransactionState.Completed, cancelTransaction.State);
        Assert.False(harness.Layer.TryDeliverResponse(TestMessages.Response(TestMessages.Request("INVITE", branch: "z9hG4bKother"), 200)));
        Assert.Equal([200], harness.Responses.Select(r => r.StatusCode));
    }
}
