using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// A real linphone (liblinphone 5.1) as an extension of Huawu: it registers with SHA-256 digest, is held to the
/// registrar's minimum expiry, removes its binding when it quits, and calls the echo test with audio both ways.
/// </summary>
public sealed class RegisteredPhonesLinphoneTests
{
    internal const string Password = "s3cret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Linphone_registers_with_sha256_for_at_least_the_minimum_expiry_and_its_binding_goes_when_it_quits()
    {
        var ports = PortBlock.Allocate(24);
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false, Extension);
        // 30 s is below the registrar's Min-Expires of 60 s.
        await using var phone = await Linphone.StartAsync(new LinphoneOptions
        {
            Ports = ports,
            Account = LinphoneAccount.Registering("1001", Password, node.Address, expiresSeconds: 30),
        });

        Assert.Equal(LinphoneRegistration.Registered, await phone.WaitForRegistrationAsync(Patience));
        await phone.QuitAsync();
        var unregistered = await node.Engine.OriginateAsync(new OriginateRequest("1001")).WaitAsync(Patience);
        var sip = CapturedSipMessage.From(await capture.StopAsync());

        var toPhone = sip.Where(m => m.Datagram.Destination.Port == phone.SipPort).ToList();
        var registers = sip.Where(m => m.Method == "REGISTER").ToList();
        Assert.True(registers.Count == 4, string.Join('\n', sip));
        // RFC 3261 §22.2 / RFC 8760 §2.4: challenged with SHA-256 first (then MD5), linphone answers with SHA-256.
        var challenge = toPhone.First(m => m.StatusCode == 401);
        Assert.StartsWith("Digest realm=\"huawu.local\"", challenge.Headers("WWW-Authenticate").First(), StringComparison.Ordinal);
        Assert.Contains("algorithm=SHA-256", challenge.Headers("WWW-Authenticate").First(), StringComparison.Ordinal);
        Assert.Contains("algorithm=SHA-256", registers[1].Header("Authorization"), StringComparison.Ordinal);
        // §10.3 step 7: 30 s is too brief, 423 names the minimum; §10.2.8: the phone retries asking for it.
        Assert.Equal(["30", "30", "60", "0"], registers.Select(r => r.Header("Expires")));
        Assert.Equal("60", toPhone.Single(m => m.StatusCode == 423).Header("Min-Expires"));
        // §10.3 step 8: the 200 lists the binding with the expiry the registrar granted.
        var registered = toPhone.First(m => m.StatusCode == 200);
        Assert.Contains($"<sip:1001@127.0.0.1:{phone.SipPort};transport=udp>", registered.Header("Contact"), StringComparison.Ordinal);
        Assert.Contains(";expires=60", registered.Header("Contact"), StringComparison.Ordinal);
        // §10.2.2: quitting removed the binding: the last 200 lists none, and calls to 1001 find no phone.
        Assert.Empty(toPhone.Last(m => m.StatusCode == 200).Headers("Contact"));
        Assert.Equal(HangupCause.NoUserResponse, unregistered.Cause);
        Assert.Contains("no phone registered", unregistered.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linphone_calls_echo_hears_its_own_tone_back_sends_dtmf_and_hangs_up()
    {
        var ports = PortBlock.Allocate(32);
        using var files = PeerDirectory.Create("linphone-echo");
        PcmAudio.Tone(700, TimeSpan.FromSeconds(10)).WriteWav(files.File("tone.wav"));
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false, Extension);
        await using var phone = await Linphone.StartAsync(new LinphoneOptions
        {
            Ports = ports,
            Account = LinphoneAccount.Registering("1001", Password, node.Address),
        });
        Assert.Equal(LinphoneRegistration.Registered, await phone.WaitForRegistrationAsync(Patience));

        // The INVITE is challenged 407 (RFC 3261 §22.3) and retried with the extension's credentials.
        var call = await phone.DialAsync($"sip:echo@{node.Address}");
        await phone.WaitForCallStateAsync("StreamsRunning", e => e.CallId == call, Patience);
        var created = await node.Events.WaitAsync<CallCreated>();
        await phone.PlayAsync(files.File("tone.wav"), call);
        // A second of the tone came back from the echo to linphone's RTP port.
        await capture.WaitUntilAsync(d => RtpStreams.From(d).Where(s => phone.IsRtpPort(s.Destination.Port)).Sum(s => s.Packets.Count) >= 50, Patience);
        await phone.SendDtmfAsync("42");
        await Eventually.TrueAsync(() => node.Events.All<DtmfReceived>().Count == 2, "two keys in CTI");
        await phone.TerminateAsync(call);
        var ended = await node.Events.WaitAsync<CallHungUp>();
        await phone.WaitForCallStateAsync("Released", e => e.CallId == call, Patience);
        var datagrams = await capture.StopAsync();
        var rtp = RtpStreams.From(datagrams);

        Assert.Equal(("1001", "echo", (string?)null), (created.From, created.To, created.Trunk));
        Assert.Equal("42", string.Concat(node.Events.All<DtmfReceived>().Select(k => k.Key)));
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (ended.Cause, ended.By));
        Assert.Equal(["CallCreated", "CallAnswered", "DtmfReceived", "DtmfReceived", "CallHungUp"], node.Events.NamesOf(created.CallId));
        var invites = CapturedSipMessage.From(datagrams).Where(m => m.Method == "INVITE").ToList();
        Assert.Equal(2, invites.Count);
        Assert.Contains("algorithm=SHA-256", invites[1].Header("Proxy-Authorization"), StringComparison.Ordinal);
        // Audio both ways: the tone linphone plays reached Huawu, and Huawu echoed it back.
        var sent = rtp.Where(s => phone.IsRtpPort(s.Source.Port)).MaxBy(s => s.Packets.Count)!;
        var echoed = rtp.Where(s => phone.IsRtpPort(s.Destination.Port)).MaxBy(s => s.Packets.Count)!;
        AudioProbe.AssertHears(CallAudio.Decode(sent), 700, "Huawu hears linphone's tone");
        AudioProbe.AssertHears(CallAudio.Decode(echoed), 700, "linphone hears its tone echoed");
    }

    /// <summary>Extension 1001 with the registrar's default challenges: SHA-256, then MD5.</summary>
    internal static void Extension(TelephonyOptions options) =>
        options.Extensions.Add(new ExtensionOptions { Number = "1001", Password = Password });
}
