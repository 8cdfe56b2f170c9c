using Huawu.Sip.Dialogs;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Sip.Tests.Stack;
using Huawu.Sip.Tests.Transactions;

namespace Huawu.Sip.Tests.Dialogs;

/// <summary>The UAC side of INVITE dialogs: early and confirmed dialogs (RFC 3261 §12.1.2), the ACK for 2xx (§13.2.2.4), forks, glare (§14.1).</summary>
public sealed class ClientDialogTests
{
    private readonly StackHarness harness = new();

    private SipClientRequest Call() =>
        harness.Stack.SendInvite(harness.Stack.CreateInvite("sip:bob@198.51.100.7:5060", "sip:robot@huawu.local", null, "v=0\r\n"u8.ToArray()), harness.Dialogs);

    private static SipMessage Ok(SipMessage invite, string toTag = "peer-tag", params string[] extra) =>
        StackHarness.Answer(invite, 200, toTag, ["Contact: <sip:bob@198.51.100.8:5080>", .. extra]);

    [Fact]
    public void The_invite_is_built_and_routed_from_the_request_uri()
    {
        var call = Call();
        var invite = Assert.Single(harness.SentRequests(KnownMethod.Invite));

        Assert.Equal("198.51.100.7:5060", invite.To.ToString());
        Assert.Equal(invite.Message.ToString(), call.Request!.ToString());
        var message = invite.Message;
        Assert.True(message.TopVia.HasRfc3261Branch);
        Assert.True(message.TopVia.HasRport);
        Assert.Equal("192.0.2.10", message.TopVia.Host);
        Assert.True(message.From.HasTag);
        Assert.False(message.To.HasTag);
        Assert.Equal("<sip:192.0.2.10:5060>", Assert.Single(message.Contacts).ToString());
        Assert.Equal("application/sdp", message.TryGetContentType(out var type) ? type.MediaTypeName : null);
    }

    [Fact]
    public void A_ringing_response_with_a_tag_makes_an_early_dialog_and_the_2xx_confirms_it_and_is_acknowledged()
    {
        var call = Call();
        var invite = call.Request!;
        harness.Receive(StackHarness.Answer(invite, 180));
        Assert.True(call.Responses.TryRead(out var ringing));
        Assert.Equal(SipDialogState.Early, ringing.Dialog!.State);

        harness.Receive(Ok(invite, extra: ["Record-Route: <sip:p2.example.com;lr>", "Record-Route: <sip:p1.example.com;lr>"]));
        var final = StackHarness.Final(call);
        Assert.Same(ringing.Dialog, final.Dialog);
        Assert.Equal(SipDialogState.Confirmed, final.Dialog!.State);

        // §13.2.2.4: ACK to the remote target via the route set (Record-Route reversed, §12.1.2), new branch, INVITE's CSeq.
        var sent = Assert.Single(harness.SentRequests(KnownMethod.Ack));
        var ack = sent.Message;
        Assert.Equal("sip:bob@198.51.100.8:5080", ack.RequestUri.ToString());
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], ack.Routes.Select(r => r.ToString()));
        Assert.Equal("198.51.100.21:5060", sent.To.ToString());
        Assert.NotEqual(invite.TopVia.Branch, ack.TopVia.Branch);
        Assert.Equal((invite.CSeq.Number, KnownMethod.Ack), (ack.CSeq.Number, ack.CSeq.KnownMethod));
        Assert.Equal("peer-tag", ack.To.Tag);
        Assert.Equal(invite.From.Tag, ack.From.Tag);
    }

    [Fact]
    public void Each_retransmitted_2xx_gets_the_same_ack_again()
    {
        var call = Call();
        var ok = Ok(call.Request!);
        harness.Receive(ok);
        harness.Receive(ok);
        harness.Receive(ok);

        var acks = harness.SentRequests(KnownMethod.Ack);
        Assert.Equal(3, acks.Count);
        Assert.All(acks, a => Assert.Equal(acks[0].Message.ToString(), a.Message.ToString()));
        Assert.Equal(1, call.Responses.Count); // one final response only
    }

    [Fact]
    public void A_second_2xx_from_another_fork_is_acknowledged_and_hung_up()
    {
        // RFC 3261 §13.2.2.4: every 2xx is acknowledged; a dialog the TU does not want gets a BYE.
        var call = Call();
        var invite = call.Request!;
        harness.Receive(Ok(invite, "fork-a"));
        harness.Receive(Ok(invite, "fork-b"));

        Assert.Equal(["fork-a", "fork-b"], harness.SentRequests(KnownMethod.Ack).Select(a => a.Message.To.Tag));
        var bye = Assert.Single(harness.SentRequests(KnownMethod.Bye)).Message;
        Assert.Equal("fork-b", bye.To.Tag);
        var fork = Assert.Single(harness.Dialogs.Forks);
        Assert.Equal(SipDialogEnd.ForkRejected, fork.EndReason);
        Assert.Equal("fork-a", call.Dialog!.RemoteTag);
        Assert.Equal(SipDialogState.Confirmed, call.Dialog.State);
    }

    [Fact]
    public void A_kept_fork_lives_on_as_a_dialog_of_its_own()
    {
        harness.Dialogs.KeepForks = true;
        var call = Call();
        harness.Receive(Ok(call.Request!, "fork-a"));
        harness.Receive(Ok(call.Request!, "fork-b"));

        Assert.Empty(harness.SentRequests(KnownMethod.Bye));
        Assert.Equal(2, harness.Stack.GetStatistics().OpenDialogs);
    }

    [Fact]
    public void Early_dialogs_of_forks_end_when_a_failure_comes()
    {
        var call = Call();
        var invite = call.Request!;
        harness.Receive(StackHarness.Answer(invite, 180, "fork-a"));
        harness.Receive(StackHarness.Answer(invite, 183, "fork-b"));
        Assert.Equal(2, harness.Stack.GetStatistics().OpenDialogs);
        harness.Receive(StackHarness.Answer(invite, 486, "fork-b"));

        Assert.Equal(486, StackHarness.Final(call).StatusCode);
        Assert.Equal(2, harness.Dialogs.Terminated.Count);
        Assert.All(harness.Dialogs.Terminated, d => Assert.Equal(SipDialogEnd.EarlyDialogEnded, d.EndReason));
        Assert.Equal(0, harness.Stack.GetStatistics().OpenDialogs);
    }

    [Fact]
    public void Requests_in_the_dialog_increment_cseq_and_use_the_dialog_identity()
    {
        var call = Call();
        harness.Receive(Ok(call.Request!));
        var dialog = call.Dialog!;
        dialog.SendInfo("Signal=5\r\nDuration=160\r\n"u8.ToArray(), "application/dtmf-relay");
        dialog.SendRefer("sip:agent@huawu.local");
        var info = Assert.Single(harness.SentRequests(KnownMethod.Info)).Message;
        var refer = Assert.Single(harness.SentRequests(KnownMethod.Refer)).Message;

        Assert.Equal([2u, 3u], new[] { info.CSeq.Number, refer.CSeq.Number });
        Assert.Equal(call.Request!.CallId, info.CallId);
        Assert.Equal("peer-tag", info.To.Tag);
        Assert.True(refer.TryGetHeader(Huawu.Sip.Headers.HeaderId.ReferTo, out var referTo));
        Assert.Equal("<sip:agent@huawu.local>", referTo.Value);
        Assert.Equal(3u, dialog.LocalSequence);
    }

    [Fact]
    public void A_refer_progress_notify_carries_a_sipfrag_and_ends_the_subscription_when_final()
    {
        // RFC 3515 §2.4.5.
        harness.AnswerInvitesWith200();
        harness.Receive(StackHarness.IncomingInvite());
        var dialog = Assert.Single(harness.Stack.Dialogs.Snapshot());
        dialog.SendReferProgress(100);
        dialog.SendReferProgress(200);
        var notifies = harness.SentRequests(KnownMethod.Notify).Select(n => n.Message).ToList();

        Assert.Equal(["SIP/2.0 100 Trying", "SIP/2.0 200 OK"], notifies.Select(n => System.Text.Encoding.UTF8.GetString(n.Body.Span)));
        Assert.All(notifies, n => Assert.True(n.TryGetHeader(Huawu.Sip.Headers.HeaderId.Event, out var e) && e.Value == "refer"));
        Assert.True(notifies[1].TryGetHeader(Huawu.Sip.Headers.HeaderId.SubscriptionState, out var state));
        Assert.StartsWith("terminated", state.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reinvite_refused_with_491_is_retried_once_after_2_1_to_4_seconds_as_the_call_id_owner()
    {
        // RFC 3261 §14.1.
        var call = Call();
        harness.Receive(Ok(call.Request!));
        var dialog = call.Dialog!;
        var hold = dialog.SendReInvite("v=0\r\na=sendonly\r\n"u8.ToArray());
        var first = harness.SentRequests(KnownMethod.Invite)[^1].Message;
        harness.Receive(StackHarness.Answer(first, 491));
        Assert.False(hold.FinalResponse.IsCompleted);

        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var attempts = harness.SentRequests(KnownMethod.Invite).GroupBy(s => s.Message.TopVia.Branch).Select(g => g.First()).ToList();
        Assert.Equal(3, attempts.Count); // the INVITE, the re-INVITE, and one retry
        var retry = attempts[2].Message;
        Assert.InRange((attempts[2].At - attempts[1].At).TotalMilliseconds, 2100, 4000);
        Assert.True(retry.CSeq.Number > first.CSeq.Number);
        Assert.Equal(first.Body.ToArray(), retry.Body.ToArray());

        harness.Receive(StackHarness.Answer(retry, 200, extra: "Contact: <sip:bob@198.51.100.9:5090>"));
        Assert.Equal(200, StackHarness.Final(hold).StatusCode);
        Assert.Equal("sip:bob@198.51.100.9:5090", dialog.RemoteTarget); // the 2xx refreshed the target (§12.2.1.2)
        Assert.Equal(retry.CSeq.Number, harness.SentRequests(KnownMethod.Ack)[^1].Message.CSeq.Number);
    }

    [Fact]
    public void A_second_reinvite_while_one_is_pending_is_refused_locally()
    {
        var call = Call();
        harness.Receive(Ok(call.Request!));
        call.Dialog!.SendReInvite("v=0\r\n"u8.ToArray());
        var second = call.Dialog.SendReInvite("v=0\r\n"u8.ToArray());

        Assert.Equal((491, SipResponseSource.Refused), (StackHarness.Final(second).StatusCode, StackHarness.Final(second).Source));
        Assert.Equal(2, harness.SentRequests(KnownMethod.Invite).Count);
    }

    [Fact]
    public void A_481_to_a_request_in_the_dialog_ends_the_dialog()
    {
        // RFC 3261 §12.2.1.2.
        var call = Call();
        harness.Receive(Ok(call.Request!));
        var info = call.Dialog!.SendInfo("x"u8.ToArray(), "text/plain");
        harness.Receive(StackHarness.Answer(info.Request!, 481));

        Assert.Equal(SipDialogEnd.RequestFailed, call.Dialog.EndReason);
        Assert.Equal(0, harness.Stack.GetStatistics().OpenDialogs);
    }

    [Fact]
    public void Unanswered_invite_times_out_with_a_synthesized_408()
    {
        // RFC 3261 §8.1.3.1: Timer B is a 408 for the TU.
        var call = Call();
        harness.Time.Advance(TimeSpan.FromSeconds(32));
        var final = StackHarness.Final(call);

        Assert.Equal((408, SipResponseSource.Timeout), (final.StatusCode, final.Source));
        Assert.Null(final.Message);
        Assert.Equal(7, harness.SentRequests(KnownMethod.Invite).Count);
        Assert.Equal(0, TransactionHarness.Instants(harness.SentRequests(KnownMethod.Invite))[0]);
    }
}
