using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Transfers;

/// <summary>REFER and NOTIFY in a dialog the node cannot act on, from a peer that sends exactly what the test writes.</summary>
public sealed class ReferProtocolTests
{
    [Fact]
    public async Task A_refer_without_refer_to_is_answered_400()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);
        var dialog = await ProtocolTests.AnsweredAsync(peer, "echo");

        peer.Send(peer.Request(SipMethod.Refer, "echo", dialog, 2));

        await peer.ResponseAsync(400, SipMethod.Refer); // RFC 3515 §2.4.1: a REFER has exactly one Refer-To
    }

    [Fact]
    public async Task An_attended_transfer_with_replaces_is_answered_501()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);
        var dialog = await ProtocolTests.AnsweredAsync(peer, "echo");

        peer.Send(peer.Request(SipMethod.Refer, "echo", dialog, 2)
            .AddHeader(HeaderId.ReferTo, "<sip:carol@127.0.0.1?Replaces=abc%40127.0.0.1%3Bto-tag%3D1%3Bfrom-tag%3D2>"));

        await peer.ResponseAsync(501, SipMethod.Refer); // RFC 3891: Replaces is not supported; only blind transfers
    }

    [Fact]
    public async Task A_notify_for_no_transfer_of_ours_is_481_and_one_of_another_event_package_489()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);
        var dialog = await ProtocolTests.AnsweredAsync(peer, "echo");

        peer.Send(peer.Request(SipMethod.Notify, "echo", dialog, 2, "SIP/2.0 200 OK\r\n", "message/sipfrag").AddHeader(HeaderId.Event, "refer").AddHeader(HeaderId.SubscriptionState, "terminated"));
        await peer.ResponseAsync(481, SipMethod.Notify); // RFC 6665 §4.1.3
        peer.Send(peer.Request(SipMethod.Notify, "echo", dialog, 3, "SIP/2.0 200 OK\r\n", "message/sipfrag").AddHeader(HeaderId.Event, "dialog").AddHeader(HeaderId.SubscriptionState, "active"));
        await peer.ResponseAsync(489, SipMethod.Notify); // RFC 6665 §8.3.1: Bad Event
    }
}
