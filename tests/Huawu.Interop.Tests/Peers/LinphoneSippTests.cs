using Huawu.Interop.Tests.Calls;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Peers;

/// <summary>Linphone against SIPp: proves the linphone driver (registration, both call directions, audio from a WAV, DTMF).</summary>
public sealed class LinphoneSippTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Registers_with_digest_for_its_own_expiry_and_removes_the_binding_when_it_quits()
    {
        var ports = PortBlock.Allocate(16);
        var registrarPort = ports.Take();
        await using var registrar = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UasRegisterUnregister("alice", "s3cret"),
            LocalPort = registrarPort,
            MaxCalls = 1,
            GlobalTimeout = SippTimeout,
        });
        await using var phone = await Linphone.StartAsync(new LinphoneOptions
        {
            Ports = ports,
            Account = LinphoneAccount.Registering("alice", "s3cret", $"127.0.0.1:{registrarPort}", expiresSeconds: 120),
        });

        var state = await phone.WaitForRegistrationAsync();
        await phone.QuitAsync();
        var result = await registrar.WaitForExitAsync(SippTimeout);

        Assert.Equal(LinphoneRegistration.Registered, state);
        Assert.True(result.AllCallsSucceeded, result.Describe());
        var registers = result.Messages.Requests("REGISTER", SippDirection.Received);
        Assert.Equal(3, registers.Count);
        // RFC 3261 §10.2.1: the Expires it asks for is its own; §22.2: the retry answers the 401 as alice.
        Assert.Equal(["120", "120", "0"], registers.Select(r => r.Header("Expires")));
        Assert.Null(registers[0].Header("Authorization"));
        Assert.Contains("username=\"alice\"", registers[1].Header("Authorization"), StringComparison.Ordinal);
        // §10.2.2: the removal names the contact it registered, with credentials (verified by the scenario).
        Assert.Equal(ContactUri(registers[1]), ContactUri(registers[2]));
        Assert.Contains($"127.0.0.1:{phone.SipPort}", ContactUri(registers[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dials_sipp_plays_a_wav_into_the_call_sends_dtmf_and_hangs_up_with_bye()
    {
        var ports = PortBlock.Allocate(24);
        using var files = PeerDirectory.Create("linphone-tone");
        PcmAudio.Tone(1000, TimeSpan.FromSeconds(10)).WriteWav(files.File("tone.wav"));
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        var sippPort = ports.Take();
        var mediaPort = ports.Take(4);
        await using var sipp = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UasAnswer(G711.Pcmu), LocalPort = sippPort, MediaPort = mediaPort, MaxCalls = 1, GlobalTimeout = SippTimeout,
        });
        await using var phone = await Linphone.StartAsync(new LinphoneOptions { Ports = ports });

        var call = await phone.DialAsync($"sip:service@127.0.0.1:{sippPort}");
        await phone.WaitForCallStateAsync("StreamsRunning", e => e.CallId == call);
        await phone.PlayAsync(files.File("tone.wav"), call);
        // A second of the tone (50 packets of 20 ms) has reached SIPp's media port.
        await capture.WaitUntilAsync(d => RtpStreams.From(d).SentTo(mediaPort).Sum(s => s.Count(0)) >= 50, TimeSpan.FromSeconds(5));
        await phone.SendDtmfAsync("4#");
        await Task.Delay(400);
        await phone.TerminateAsync(call);
        await phone.WaitForCallStateAsync("Released", e => e.CallId == call);
        var result = await sipp.WaitForExitAsync(SippTimeout);
        var rtp = RtpStreams.From(await capture.StopAsync());

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Equal(["OutgoingInit", "OutgoingProgress", "OutgoingRinging", "Connected", "StreamsRunning", "End", "Released"], phone.CallStates(call));
        Assert.Single(result.Messages.Requests("BYE", SippDirection.Received));
        var sent = Assert.Single(rtp.SentTo(mediaPort));
        Assert.True(phone.IsRtpPort(sent.Source.Port), sent.ToString());
        AudioProbe.AssertHears(CallAudio.Decode(sent), 1000, "SIPp hears the WAV linphone plays");
        // RFC 4733 events. Linphone 5.1 sends them with the payload type of its own offer (96), not the 101 of SIPp's
        // answer (RFC 3264 §6.1 asks answers to keep the offer's numbers, which SIPp's fixed answer does not).
        var eventType = sent.PayloadTypes.Single(pt => pt != 0);
        Assert.Equal("4#", string.Concat(sent.TelephoneEvents(eventType).Where(e => e.Ended).Select(e => e.Digit)));
    }

    [Fact]
    public async Task An_incoming_call_rings_until_answered_and_the_callers_bye_ends_it()
    {
        var ports = PortBlock.Allocate(24);
        await using var phone = await Linphone.StartAsync(new LinphoneOptions { Ports = ports });
        await using var sipp = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UacLoad(),
            Remote = $"127.0.0.1:{phone.SipPort}",
            Service = "bob",
            LocalPort = ports.Take(),
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            Pause = TimeSpan.FromMilliseconds(300),
            GlobalTimeout = SippTimeout,
        });

        var incoming = await phone.WaitForCallStateAsync("IncomingReceived");
        await Task.Delay(200);
        var call = incoming.CallId!.Value;
        Assert.Equal("IncomingReceived", await phone.CallStateAsync(call));
        await phone.AnswerAsync(call);
        await phone.WaitForCallStateAsync("Released", e => e.CallId == call);
        var result = await sipp.WaitForExitAsync(SippTimeout);

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.StartsWith("sip:sipp@", incoming.From, StringComparison.Ordinal);
        var received = result.Messages.Messages.Where(m => m.Direction == SippDirection.Received && !m.IsRequest).Select(m => m.StatusCode);
        // Ringing while unanswered, then 200 for the INVITE and 200 for SIPp's BYE.
        Assert.Equal([180, 200, 200], received.Where(code => code != 100));
        Assert.Equal(["IncomingReceived", "Connected", "StreamsRunning", "End", "Released"], phone.CallStates(call));
    }

    private static string ContactUri(SippMessage register)
    {
        var contact = register.Header("Contact") ?? "";
        return contact[..(contact.IndexOf('>', StringComparison.Ordinal) + 1)];
    }
}
