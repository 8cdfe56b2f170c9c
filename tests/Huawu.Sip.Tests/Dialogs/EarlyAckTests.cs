using Huawu.Sip.Messages;
using Huawu.Sip.Tests.Fakes;
using Huawu.Sip.Tests.Stack;

namespace Huawu.Sip.Tests.Dialogs;

/// <summary>
/// RFC 3261 §13.3.1.4 when the peer is fast: its ACK arrives while the 2xx that it acknowledges is still being sent,
/// before the dialog has armed that 2xx for retransmission. The ACK must still end the handshake, once.
/// </summary>
public sealed class EarlyAckTests
{
    [Fact]
    public void An_ack_that_overtakes_its_2xx_is_taken_and_stops_retransmission_before_it_starts()
    {
        var harness = new StackHarness();
        harness.AnswerInvitesWith200();
        harness.Udp.OnSent = sent =>
        {
            if (sent.StatusCode != 200) return;
            harness.Udp.OnSent = null;
            harness.Receive(TestMessages.Request("ACK", branch: "z9hG4bKack1", toTag: sent.Message.To.Tag));
        };

        harness.Receive(StackHarness.IncomingInvite());
        harness.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Single(harness.Dialogs.Acks);
        var ok = Assert.Single(harness.SentResponses(200)).Message;
        // A retransmitted ACK is not taken twice, and nothing times out.
        harness.Receive(TestMessages.Request("ACK", branch: "z9hG4bKack1", toTag: ok.To.Tag));
        harness.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Single(harness.Dialogs.Acks);
        Assert.Empty(harness.Dialogs.AckTimeouts);
    }
}
