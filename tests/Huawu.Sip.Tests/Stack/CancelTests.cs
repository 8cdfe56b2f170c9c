using Huawu.Sip.Diagnostics;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Sip.Tests.Fakes;

namespace Huawu.Sip.Tests.Stack;

/// <summary>CANCEL on both sides (RFC 3261 §9).</summary>
public sealed class CancelTests
{
    private readonly StackHarness harness = new();

    private SipClientRequest Call() =>
        harness.Stack.SendInvite(harness.Stack.CreateInvite("sip:bob@198.51.100.7:5060", "sip:robot@huawu.local", null, "v=0\r\n"u8.ToArray()), harness.Dialogs);

    [Fact]
    public void A_cancel_before_any_provisional_response_waits_for_one()
    {
        // RFC 3261 §9.1: a CANCEL must not be sent before a provisional response.
        var call = Call();
        Assert.True(call.Cancel());
        Assert.False(call.Cancel());
        Assert.Empty(harness.SentRequests(KnownMethod.Cancel));

        harness.Receive(StackHarness.Answer(call.Request!, 180));
        var cancel = Assert.Single(harness.SentRequests(KnownMethod.Cancel)).Message;
        var invite = call.Request!;
        Assert.Equal(invite.TopVia.Branch, cancel.TopVia.Branch);
        Assert.Equal((invite.CSeq.Number, KnownMethod.Cancel), (cancel.CSeq.Number, cancel.CSeq.KnownMethod));
        Assert.Equal(invite.RequestUri.ToString(), cancel.RequestUri.ToString());
        Assert.False(cancel.To.HasTag); // the To of the INVITE
    }

    [Fact]
    public void The_487_after_a_cancel_is_the_final_response_and_is_acknowledged()
    {
        var call = Call();
        harness.Receive(StackHarness.Answer(call.Request!, 180));
        call.Cancel();
        var cancel = Assert.Single(harness.SentRequests(KnownMethod.Cancel)).Message;
        harness.Receive(StackHarness.Answer(cancel, 200));
        harness.Receive(StackHarness.Answer(call.Request!, 487));

        Assert.Equal(487, StackHarness.Final(call).StatusCode);
        Assert.Equal(KnownMethod.Ack, harness.LastSent.Method); // the transaction's ACK for the failure (§17.1.1.3)
        Assert.Single(harness.SentRequests(KnownMethod.Cancel)); // the 200 to the CANCEL ended its transaction
    }

    [Fact]
    public void A_2xx_crossing_the_cancel_still_makes_the_dialog_which_is_acknowledged_and_hung_up()
    {
        // RFC 3261 §9.1: the CANCEL may lose the race; the call is then established and must be ended with BYE.
        var call = Call();
        harness.Receive(StackHarness.Answer(call.Request!, 180));
        call.Cancel();
        harness.Receive(StackHarness.Answer(call.Request!, 200, extra: "Contact: <sip:bob@198.51.100.7:5060>"));

        var final = StackHarness.Final(call);
        Assert.Equal(200, final.StatusCode);
        Assert.NotNull(final.Dialog);
        Assert.Single(harness.SentRequests(KnownMethod.Ack));
        Assert.Single(harness.SentRequests(KnownMethod.Bye));
        Assert.Equal(SipDialogEnd.ByeSent, final.Dialog.EndReason);
    }

    [Fact]
    public void A_cancel_after_the_final_response_is_refused()
    {
        var call = Call();
        harness.Receive(StackHarness.Answer(call.Request!, 486));
        Assert.False(call.Cancel());
        Assert.Empty(harness.SentRequests(KnownMethod.Cancel));
    }

    [Fact]
    public void A_cancelled_invite_without_final_response_gives_up_64_T1_after_the_cancel()
    {
        var call = Call();
        harness.Receive(StackHarness.Answer(call.Request!, 180));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        call.Cancel();
        harness.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal((408, SipResponseSource.Timeout), (StackHarness.Final(call).StatusCode, StackHarness.Final(call).Source));
    }

    [Fact]
    public void Received_cancel_gets_200_the_invite_487_and_the_TU_is_told()
    {
        // RFC 3261 §9.2.
        harness.Receive(StackHarness.IncomingInvite());
        var request = Assert.Single(harness.Requests);
        request.Respond(180);
        harness.Receive(TestMessages.Request("CANCEL", branch: "z9hG4bKinv1"));

        var ringingTag = Assert.Single(harness.SentResponses(180)).Message.To.Tag;
        var cancelOk = Assert.Single(harness.SentResponses(200)).Message;
        Assert.Equal(KnownMethod.Cancel, cancelOk.CSeq.KnownMethod);
        Assert.Equal(ringingTag, cancelOk.To.Tag); // §9.2: the same To tag as the INVITE's responses
        var terminated = Assert.Single(harness.SentResponses(487)).Message;
        Assert.Equal(ringingTag, terminated.To.Tag);
        Assert.True(request.IsCancelled);
        Assert.True(request.WhenCancelled.IsCompleted);
        Assert.Null(request.Accept(request.CreateResponse(200), harness.Dialogs)); // too late
    }

    [Fact]
    public void Received_cancel_matching_nothing_gets_481()
    {
        harness.Receive(TestMessages.Request("CANCEL", branch: "z9hG4bKnothing"));
        Assert.Single(harness.SentResponses(481));
        Assert.Equal(1, harness.Count(SipCounter.NoDialogRejected));
    }

    [Fact]
    public void Received_cancel_after_the_final_response_gets_200_and_changes_nothing()
    {
        harness.AnswerInvitesWith200();
        harness.Receive(StackHarness.IncomingInvite());
        harness.Receive(TestMessages.Request("CANCEL", branch: "z9hG4bKinv1"));

        Assert.Equal([KnownMethod.Invite, KnownMethod.Cancel], harness.SentResponses(200).Select(s => s.Message.CSeq.KnownMethod));
        Assert.Empty(harness.SentResponses(487));
    }
}
