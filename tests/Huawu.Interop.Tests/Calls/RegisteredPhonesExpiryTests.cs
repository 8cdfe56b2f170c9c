using Huawu.Telephony.Calls;
using Huawu.Testing;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// A real phone's binding running out (RFC 3261 §10.2.1, §10.3 step 8) without waiting a minute: the engine runs on a
/// fake clock over real sockets, so linphone registers for its 60 s in real time (it would refresh only after about
/// 54 real seconds) while the registrar's clock is moved past the expiry.
/// </summary>
public sealed class RegisteredPhonesExpiryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_binding_rings_the_phone_until_its_expiry_and_then_the_extension_has_no_phone()
    {
        var ports = PortBlock.Allocate(32);
        var clock = new ManualTimeProvider();
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false, RegisteredPhonesLinphoneTests.Extension, clock);
        await using var phone = await Linphone.StartAsync(new LinphoneOptions
        {
            Ports = ports,
            Account = LinphoneAccount.Registering("1001", RegisteredPhonesLinphoneTests.Password, node.Address, expiresSeconds: 60),
        });
        Assert.Equal(LinphoneRegistration.Registered, await phone.WaitForRegistrationAsync(Patience));

        // One second before the end of the 60 s the binding still holds: the phone rings, and declines.
        clock.Advance(TimeSpan.FromSeconds(59));
        var beforeExpiry = node.Engine.OriginateAsync(new OriginateRequest("1001") { CallerId = "robot" });
        var ringing = await phone.WaitForCallStateAsync("IncomingReceived", timeout: Patience);
        await phone.TerminateAsync(ringing.CallId!.Value);
        var declined = await beforeExpiry.WaitAsync(Patience);
        // Two seconds later it has run out: nobody is called.
        clock.Advance(TimeSpan.FromSeconds(2));
        var afterExpiry = await node.Engine.OriginateAsync(new OriginateRequest("1001") { CallerId = "robot" }).WaitAsync(Patience);
        var sip = CapturedSipMessage.From(await capture.StopAsync());

        Assert.Contains(";expires=60", sip.First(m => m.StatusCode == 200 && m.Datagram.Destination.Port == phone.SipPort).Header("Contact"), StringComparison.Ordinal);
        Assert.False(declined.IsAnswered, declined.ToString());
        Assert.Equal(603, declined.SipStatus);
        Assert.Equal((HangupCause.NoUserResponse, (int?)null), (afterExpiry.Cause, afterExpiry.SipStatus));
        Assert.Contains("no phone registered", afterExpiry.Reason, StringComparison.Ordinal);
        Assert.Single(sip, m => m.Method == "INVITE");
        Assert.Single(phone.Events, e => e.CallState == "IncomingReceived");
    }
}
