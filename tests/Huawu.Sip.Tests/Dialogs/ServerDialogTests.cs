using Huawu.Sip.Diagnostics;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Messages;
using Huawu.Sip.Tests.Fakes;
using Huawu.Sip.Tests.Stack;
using Huawu.Sip.Tests.Transactions;

namespace Huawu.Sip.Tests.Dialogs;

/// <summary>The UAS side of INVITE dialogs: creation (RFC 3261 §12.1.1), the 2xx/ACK handshake (§13.3.1.4), in-dialog requests (§12.2.2).</summary>
public sealed class ServerDialogTests
{
    private readonly StackHarness harness = new();

    public ServerDialogTests() => harness.AnswerInvitesWith200();

    [Fact]
    public void Accepting_an_invite_creates_a_dialog_and_a_2xx_with_contact_tag_and_record_route()
    {
        harness.Receive(StackHarness.IncomingInvite(extra: ["Record-Route: <sip:p1.example.com;lr>", "Record-Route: <sip:p2.example.com;lr>"]));

        var ok = Assert.Single(harness.SentResponses(200)).Message;
        var request = Assert.Single(harness.Requests);
        Assert.Equal(request.Request.CallId, ok.CallId);
        Assert.True(ok.To.HasTag);
        Assert.Equal("<sip:192.0.2.10:5060>", Assert.Single(ok.Contacts).ToString());
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], ok.RecordRoutes.Select(r => r.ToString()));
        Assert.Equal(1, harness.Stack.GetStatistics().OpenDialogs);
    }

    [Fact]
    public void The_2xx_is_retransmitted_from_T1_doubling_to_T2_until_the_ack_arrives()
    {
        // RFC 3261 §13.3.1.4.
        harness.Receive(StackHarness.IncomingInvite());
        harness.Time.Advance(TimeSpan.FromSeconds(12));
        var ok = harness.SentResponses(200)[0].Message;
        harness.Receive(TestMessages.Request("ACK", branch: "z9hG4bKack1", toTag: ok.To.Tag));
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal([0, 500, 1500, 3500, 7500, 11500], TransactionHarness.Instants(harness.SentResponses(200)));
        Assert.Single(harness.Dialogs.Acks);
        Assert.Empty(harness.Dialogs.AckTimeouts);
        Assert.Equal(SipDialogState.Confirmed, Assert.Single(harness.Stack.Dialogs.Snapshot()).State);
    }

    [Fact]
    public void Without_an_ack_the_TU_is_told_after_64_T1_and_ends_the_call_with_bye()
    {
        // RFC 3261 §13.3.1.4: the dialog stays confirmed; the TU sends BYE.
        harness.Receive(StackHarness.IncomingInvite());
        harness.Time.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(harness.Dialogs.AckTimeouts);
        harness.Time.Advance(1);

        var dialog = Assert.Single(harness.Dialogs.AckTimeouts);
        Assert.Equal(1, harness.Count(SipCounter.AckTimeouts));
        dialog.SendBye();
        var bye = Assert.Single(harness.SentRequests(KnownMethod.Bye)).Message;
        Assert.Equal("sip:alice@198.51.100.7:5060", bye.RequestUri.ToString()); // the remote target: the INVITE's Contact
        Assert.Equal(dialog.LocalTag, bye.From.Tag);
        Assert.Equal("alice-tag", bye.To.Tag);
        Assert.Equal(SipDialogEnd.ByeSent, dialog.EndReason);
        var sent = harness.SentResponses(200).Count;
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(sent, harness.SentResponses(200).Count); // no retransmission after the timeout
    }

    [Fact]
    public void A_bye_ends_the_dialog_and_later_requests_get_481()
    {
        harness.Receive(StackHarness.IncomingInvite());
        var tag = harness.SentResponses(200)[0].Message.To.Tag;
        harness.Receive(TestMessages.Request("ACK", branch: "z9hG4bKack1", toTag: tag));
        harness.Receive(TestMessages.Request("BYE", branch: "z9hG4bKbye1", toTag: tag, cseq: 2));

        var (dialog, _) = Assert.Single(harness.Dialogs.Requests);
        Assert.Equal(SipDialogEnd.ByeReceived, dialog.EndReason);
        Assert.Same(dialog, Assert.Single(harness.Dialogs.Terminated));
        Assert.Equal(["ack", "request BYE", "terminated"], harness.Dialogs.Events);
        Assert.Equal(2, harness.SentResponses(200).Count); // the 2xx and the BYE's 200

        // RFC 3261 §12.2.2: no dialog matches any more.
        harness.Receive(TestMessages.Request("INFO", branch: "z9hG4bKinfo1", toTag: tag, cseq: 3));
        Assert.Single(harness.SentResponses(481));
        Assert.Equal(0, harness.Stack.GetStatistics().OpenDialogs);
    }

    [Fact]
    public void A_request_with_a_lower_cseq_gets_500()
    {
        // RFC 3261 §12.2.2: out of order.
        harness.Receive(StackHarness.IncomingInvite(cseq: 10));
        var tag = harness.SentResponses(200)[0].Message.To.Tag;
        harness.Receive(TestMessages.Request("INFO", branch: "z9hG4bKi1", toTag: tag, cseq: 12));
        harness.Receive(TestMessages.Request("INFO", branch: "z9hG4bKi2", toTag: tag, cseq: 11));

        Assert.Single(harness.Dialogs.Requests);
        Assert.Single(harness.SentResponses(500));
        Assert.Equal(12u, Assert.Single(harness.Stack.Dialogs.Snapshot()).RemoteSequence);
        Assert.Equal(1, harness.Count(SipCounter.OutOfOrderRejected));
    }

    [Fact]
    public void A_reinvite_updates_the_remote_target_and_its_2xx_waits_for_its_own_ack()
    {
        harness.Receive(StackHarness.IncomingInvite());
        var tag = harness.SentResponses(200)[0].Message.To.Tag;
        harness.Receive(TestMessages.Request("ACK", branch: "z9hG4bKack1", toTag: tag));
        harness.Dialogs.AnswerWith = 0;
        harness.Receive(TestMessages.Request("INVITE", branch: "z9hG4bKre1", toTag: tag, cseq: 2, contact: "<sip:alice@198.51.100.99:5070>"));
        var (dialog, reinvite) = Assert.Single(harness.Dialogs.Requests);

        // §12.2.2: a target refresh replaces the remote target at once.
        Assert.Equal("sip:alice@198.51.100.99:5070", dialog.RemoteTarget);
        Assert.True(reinvite.Send(reinvite.CreateResponse(200)));
        harness.Time.Advance(600);
        Assert.Equal(3, harness.SentResponses(200).Count); // the first 2xx, the re-INVITE's 2xx and one retransmission
        harness.Receive(TestMessages.Request("ACK", branch: "z9hG4bKack2", toTag: tag, cseq: 2));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, harness.SentResponses(200).Count);
        Assert.Equal(2, harness.Dialogs.Acks.Count);
    }

    [Fact]
    public void A_reinvite_while_ours_is_pending_gets_491_and_while_theirs_is_pending_500_with_retry_after()
    {
        // RFC 3261 §14.2.
        harness.Receive(StackHarness.IncomingInvite());
        var tag = harness.SentResponses(200)[0].Message.To.Tag;
        harness.Receive(TestMessages.Request("ACK", branch: "z9hG4bKack1", toTag: tag));
        var dialog = Assert.Single(harness.Stack.Dialogs.Snapshot());

        var ours = dialog.SendReInvite("v=0\r\n"u8.ToArray());
        harness.Receive(TestMessages.Request("INVITE", branch: "z9hG4bKre1", toTag: tag, cseq: 2));
        Assert.Single(harness.SentResponses(491));

        harness.Receive(StackHarness.Answer(ours.Request!, 200, toTag: "alice-tag"));
        harness.Dialogs.AnswerWith = 0;
        harness.Receive(TestMessages.Request("INVITE", branch: "z9hG4bKre2", toTag: tag, cseq: 3));
        harness.Receive(TestMessages.Request("INVITE", branch: "z9hG4bKre3", toTag: tag, cseq: 4));
        var busy = Assert.Single(harness.SentResponses(500)).Message;
        Assert.True(busy.TryGetHeader(Huawu.Sip.Headers.HeaderId.RetryAfter, out var retryAfter));
        Assert.InRange(int.Parse(retryAfter.Value, System.Globalization.CultureInfo.InvariantCulture), 0, 10);
        Assert.Equal(2, harness.Count(SipCounter.GlareRejected));
    }

    [Fact]
    public void Requests_from_the_UAS_follow_the_record_route_in_order()
    {
        // RFC 3261 §12.1.1: the UAS keeps Record-Route in order; §12.2.1.1 with loose routers: Route = route set.
        harness.Receive(StackHarness.IncomingInvite(extra: ["Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>"]));
        var dialog = Assert.Single(harness.Stack.Dialogs.Snapshot());
        dialog.Send(dialog.CreateRequest(SipMethod.Info));
        var info = Assert.Single(harness.SentRequests(KnownMethod.Info)).Message;

        Assert.Equal("sip:alice@198.51.100.7:5060", info.RequestUri.ToString());
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], info.Routes.Select(r => r.ToString()));
        Assert.Equal(1u, info.CSeq.Number);
        Assert.Equal("198.51.100.21:5060", Assert.Single(harness.SentRequests(KnownMethod.Info)).To.ToString()); // sent to the first route
    }

    [Fact]
    public void A_strict_router_first_becomes_the_request_uri_and_the_remote_target_the_last_route()
    {
        // RFC 3261 §12.2.1.1, strict routing compatibility (RFC 2543 proxies, no lr).
        harness.Receive(StackHarness.IncomingInvite(extra: ["Record-Route: <sip:strict.example.com>, <sip:p2.example.com;lr>"]));
        var dialog = Assert.Single(harness.Stack.Dialogs.Snapshot());
        dialog.Send(dialog.CreateRequest(SipMethod.Info));
        var sent = Assert.Single(harness.SentRequests(KnownMethod.Info));
        var info = sent.Message;

        Assert.Equal("sip:strict.example.com", info.RequestUri.ToString());
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:alice@198.51.100.7:5060>"], info.Routes.Select(r => r.ToString()));
        Assert.Equal("198.51.100.23:5060", sent.To.ToString()); // sent to the strict router
    }
}
