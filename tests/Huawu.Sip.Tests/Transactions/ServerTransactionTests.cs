using Huawu.Sip.Diagnostics;
using Huawu.Sip.Messages;
using Huawu.Sip.Tests.Fakes;
using Huawu.Sip.Transactions;

namespace Huawu.Sip.Tests.Transactions;

/// <summary>The server transactions of RFC 3261 §17.2 (with RFC 6026) on fake time.</summary>
public sealed class ServerTransactionTests
{
    private readonly TransactionHarness harness = new();

    [Fact]
    public void Invite_gets_100_trying_when_the_TU_is_silent_for_200_ms()
    {
        // RFC 3261 §17.2.1: 100 Trying unless the TU answers within 200 ms.
        harness.CreateServer(TestMessages.Request("INVITE"));
        harness.Time.Advance(199);
        Assert.Empty(harness.Udp.Sent);
        harness.Time.Advance(1);

        var trying = Assert.Single(harness.Udp.Sent);
        Assert.Equal(100, trying.StatusCode);
        Assert.False(trying.Message.To.HasTag); // a 100 carries no To tag (§8.2.6.2)
    }

    [Fact]
    public void Invite_answered_quickly_gets_no_100_and_retransmissions_repeat_the_latest_provisional()
    {
        var invite = TestMessages.Request("INVITE");
        var transaction = harness.CreateServer(invite);
        harness.Time.Advance(50);
        Assert.True(transaction.TrySend(transaction.CreateResponse(180)));
        harness.Time.Advance(1000);
        Assert.True(harness.Layer.TryAbsorb(invite));

        Assert.Equal([180, 180], harness.Udp.Sent.Select(s => s.StatusCode));
        Assert.Equal(transaction.LocalTag, harness.Udp.Sent[0].Message.To.Tag);
        Assert.Equal(1, harness.Count(SipCounter.RetransmissionsAbsorbed));
    }

    [Fact]
    public void Invite_failure_is_retransmitted_by_timer_G_up_to_T2_until_timer_H()
    {
        // RFC 3261 §17.2.1: G = T1 doubling to T2; H = 64·T1, after which the transaction fails.
        var transaction = harness.CreateServer(TestMessages.Request("INVITE"));
        transaction.TrySend(transaction.CreateResponse(486));
        harness.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], TransactionHarness.Instants(harness.Udp.Sent));
        Assert.All(harness.Udp.Sent, s => Assert.Equal(486, s.StatusCode));
        Assert.Equal(TransactionState.Terminated, transaction.State);
        Assert.Equal(1, harness.Count(SipCounter.AckTimeouts));
    }

    [Fact]
    public void Ack_for_the_failure_confirms_stops_timer_G_and_timer_I_ends_it_after_T4()
    {
        var invite = TestMessages.Request("INVITE");
        var transaction = harness.CreateServer(invite);
        transaction.TrySend(transaction.CreateResponse(486));
        harness.Time.Advance(600);
        var ack = TestMessages.Request("ACK", toTag: transaction.LocalTag);

        Assert.True(harness.Layer.TryAbsorb(ack));
        Assert.Equal(TransactionState.Confirmed, transaction.State);
        Assert.True(harness.Layer.TryAbsorb(ack)); // further ACKs are absorbed too
        harness.Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(TransactionState.Confirmed, transaction.State);
        harness.Time.Advance(1);

        Assert.Equal(TransactionState.Terminated, transaction.State);
        Assert.Equal([0, 500], TransactionHarness.Instants(harness.Udp.Sent));
        Assert.Equal(0, harness.Count(SipCounter.AckTimeouts));
    }

    [Fact]
    public void Reliable_invite_failure_is_sent_once_and_the_ack_terminates_at_once()
    {
        // Timers G and I are for unreliable transports (§17.2.1); H still guards the ACK.
        var invite = TestMessages.Request("INVITE", transport: "TCP");
        var transaction = harness.CreateServer(invite, reliable: true);
        transaction.TrySend(transaction.CreateResponse(603));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        harness.Layer.TryAbsorb(TestMessages.Request("ACK", transport: "TCP", toTag: transaction.LocalTag));

        Assert.Single(harness.Tcp.Sent);
        Assert.Equal(TransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Invite_2xx_moves_to_accepted_where_retransmitted_invites_are_absorbed_until_timer_L()
    {
        // RFC 6026 §7.1: the 2xx is the dialog's to retransmit; the transaction only absorbs INVITE copies.
        var invite = TestMessages.Request("INVITE");
        var transaction = harness.CreateServer(invite);
        Assert.True(transaction.TrySend(transaction.CreateResponse(200)));
        Assert.True(harness.Layer.TryAbsorb(invite));
        Assert.False(harness.Layer.TryAbsorb(TestMessages.Request("ACK", toTag: transaction.LocalTag)));

        Assert.Single(harness.Udp.Sent);
        Assert.Equal(TransactionState.Accepted, transaction.State);
        Assert.False(transaction.TrySend(transaction.CreateResponse(486))); // only one final response
        harness.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(TransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Non_invite_absorbs_while_trying_then_repeats_its_final_until_timer_J()
    {
        // RFC 3261 §17.2.2.
        var request = TestMessages.Request("OPTIONS");
        var transaction = harness.CreateServer(request);
        Assert.True(harness.Layer.TryAbsorb(request));
        Assert.Empty(harness.Udp.Sent);

        transaction.TrySend(transaction.CreateResponse(200));
        harness.Layer.TryAbsorb(request);
        Assert.Equal([200, 200], harness.Udp.Sent.Select(s => s.StatusCode));
        harness.Time.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(TransactionState.Completed, transaction.State);
        harness.Time.Advance(1);
        Assert.Equal(TransactionState.Terminated, transaction.State);
        Assert.False(harness.Layer.TryAbsorb(request));
    }

    [Fact]
    public void Reliable_non_invite_terminates_when_the_final_is_sent()
    {
        var transaction = harness.CreateServer(TestMessages.Request("OPTIONS", transport: "TCP"), reliable: true);
        transaction.TrySend(transaction.CreateResponse(200));
        Assert.Equal(TransactionState.Terminated, transaction.State); // Timer J is zero (§17.2.2)
    }

    [Fact]
    public void Non_invite_the_TU_never_answers_is_abandoned_after_64_T1()
    {
        var transaction = harness.CreateServer(TestMessages.Request("MESSAGE"));
        harness.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(TransactionState.Terminated, transaction.State);
        Assert.Equal(0, harness.Layer.Count);
    }

    [Fact]
    public void Cancel_answers_a_pending_invite_487_and_tells_the_TU_once()
    {
        // RFC 3261 §9.2.
        var transaction = (ServerInviteTransaction)harness.CreateServer(TestMessages.Request("INVITE"));
        transaction.TrySend(transaction.CreateResponse(180));
        Assert.True(transaction.TryCancel());
        Assert.False(transaction.TryCancel());

        Assert.Equal([180, 487], harness.Udp.Sent.Select(s => s.StatusCode));
        Assert.Equal(transaction.LocalTag, harness.Udp.Sent[1].Message.To.Tag);
        Assert.Equal(1, harness.Cancellations);
        Assert.False(transaction.TrySend(transaction.CreateResponse(200))); // too late: the 487 was final
    }

    [Fact]
    public void Cancel_after_the_final_response_changes_nothing()
    {
        var transaction = (ServerInviteTransaction)harness.CreateServer(TestMessages.Request("INVITE"));
        transaction.TrySend(transaction.CreateResponse(200));
        Assert.False(transaction.TryCancel());
        Assert.Equal(0, harness.Cancellations);
    }

    [Fact]
    public void Requests_match_by_branch_sent_by_and_method_and_cancel_finds_its_invite()
    {
        // RFC 3261 §17.2.3.
        var invite = TestMessages.Request("INVITE");
        var transaction = harness.CreateServer(invite);

        Assert.False(harness.Layer.TryAbsorb(TestMessages.Request("INVITE", sentBy: "198.51.100.8:5060")));
        Assert.False(harness.Layer.TryAbsorb(TestMessages.Request("INVITE", branch: "z9hG4bKother")));
        Assert.True(harness.Layer.TryAbsorb(TestMessages.Request("INVITE", branch: "z9hG4bKBRANCH1"))); // case-insensitive (§7.3.1)
        var cancel = TestMessages.Request("CANCEL");
        Assert.False(harness.Layer.TryAbsorb(cancel)); // its own transaction: none yet
        Assert.Same(transaction, harness.Layer.FindCancelled(cancel));
        Assert.Null(harness.Layer.FindCancelled(TestMessages.Request("CANCEL", branch: "z9hG4bKother")));
    }

    [Theory]
    [InlineData("z9hG4bK")] // RFC 4475 §3.2.1 "badbranch": the bare cookie
    [InlineData("0a1b2c")] // RFC 2543 branch
    public void Requests_without_an_RFC_3261_branch_match_by_the_RFC_2543_rules(string branch)
    {
        // RFC 3261 §17.2.3: Request-URI, From tag, Call-ID, CSeq number and top Via (and To tag but for ACK).
        var invite = TestMessages.Request("INVITE", branch: branch);
        var transaction = harness.CreateServer(invite);
        transaction.TrySend(transaction.CreateResponse(486));

        Assert.True(harness.Layer.TryAbsorb(TestMessages.Request("INVITE", branch: branch)));
        Assert.False(harness.Layer.TryAbsorb(TestMessages.Request("INVITE", branch: branch, cseq: 2)));
        Assert.False(harness.Layer.TryAbsorb(TestMessages.Request("INVITE", branch: branch, fromTag: "other")));
        Assert.True(harness.Layer.TryAbsorb(TestMessages.Request("ACK", branch: branch, toTag: transaction.LocalTag)));
        Assert.Equal(TransactionState.Confirmed, transaction.State);
    }

    [Fact]
    public void Merged_request_is_detected_while_the_first_is_in_progress()
    {
        // RFC 3261 §8.2.2.2: same From tag, Call-ID and CSeq, another branch, no To tag.
        harness.CreateServer(TestMessages.Request("INVITE"));
        var merged = TestMessages.Request("INVITE", branch: "z9hG4bKviaotherpath", sentBy: "203.0.113.9:5060");
        Assert.Equal(ServerCreation.Merged, harness.Layer.TryCreateServer(merged, default, out _));
        // With a To tag it is an in-dialog request and not subject to the check.
        var inDialog = TestMessages.Request("INVITE", branch: "z9hG4bKx", toTag: "t");
        Assert.Equal(ServerCreation.Created, harness.Layer.TryCreateServer(inDialog, new(new(harness.Udp, TransactionHarness.Peer), null), out _));
    }

    [Fact]
    public void The_table_refuses_beyond_its_bound_and_accepts_again_once_it_drains()
    {
        var small = new TransactionHarness(maxServerTransactions: 2);
        small.CreateServer(TestMessages.Request("OPTIONS", branch: "z9hG4bK1", callId: "a"));
        small.CreateServer(TestMessages.Request("OPTIONS", branch: "z9hG4bK2", callId: "b"));
        var third = TestMessages.Request("OPTIONS", branch: "z9hG4bK3", callId: "c");
        var target = new Huawu.Sip.Transport.ResponseTarget(new(small.Udp, TransactionHarness.Peer), null);

        Assert.Equal(ServerCreation.Overloaded, small.Layer.TryCreateServer(third, target, out _));
        small.Time.Advance(TimeSpan.FromSeconds(32)); // both abandoned after 64·T1
        Assert.Equal(ServerCreation.Created, small.Layer.TryCreateServer(third, target, out _));
    }
}
