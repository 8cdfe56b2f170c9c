using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// Several contacts for one extension (RFC 3261 §10.2.1.2): baresip and linphone both register as 1001, a trunk
/// caller (SIPp) calls 1001, both phones ring, the first to answer is bridged to the caller with audio both ways and
/// the other is cancelled (§16.7 step 10, as a forking proxy would).
/// </summary>
public sealed class RegisteredPhonesForkingTests
{
    private const int BaresipTone = 1000, LinphoneTone = 600;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(nameof(Linphone))]
    [InlineData(nameof(Baresip))]
    public async Task Both_phones_of_the_extension_ring_the_one_that_answers_talks_to_the_caller_the_other_is_cancelled(string answering)
    {
        var ports = PortBlock.Allocate(64);
        using var files = PeerDirectory.Create("forking");
        PcmAudio.Tone(LinphoneTone, TimeSpan.FromSeconds(15)).WriteWav(files.File("tone.wav"));
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: true, ExtensionInteropTests.Extension("1001"));
        await using var baresip = await Baresip.StartAsync(new BaresipOptions
        {
            Ports = ports,
            Account = BaresipAccount.Registering("1001", "s3cret", node.Address),
            AudioSource = BaresipAudioSource.Sine(BaresipTone),
        });
        Assert.Equal(BaresipRegistration.Registered, await baresip.WaitForRegistrationAsync(Patience));
        await using var linphone = await Linphone.StartAsync(new LinphoneOptions
        {
            Ports = ports,
            Account = LinphoneAccount.Registering("1001", "s3cret", node.Address),
        });
        Assert.Equal(LinphoneRegistration.Registered, await linphone.WaitForRegistrationAsync(Patience));
        var sippMedia = ports.Take(4);

        await using var sipp = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UacCallMedia(),
            Remote = node.Address,
            Service = "1001",
            LocalPort = ports.Take(),
            MediaPort = sippMedia,
            MaxCalls = 1,
            GlobalTimeout = TimeSpan.FromSeconds(30),
        });
        var linphoneRings = await linphone.WaitForCallStateAsync("IncomingReceived", timeout: Patience);
        var baresipRings = await baresip.WaitForEventAsync("CALL_INCOMING", timeout: Patience);
        var linphoneCall = linphoneRings.CallId!.Value;
        if (answering == nameof(Linphone))
        {
            await linphone.AnswerAsync(linphoneCall);
            await linphone.WaitForCallStateAsync("StreamsRunning", e => e.CallId == linphoneCall, Patience);
            await linphone.PlayAsync(files.File("tone.wav"), linphoneCall);
            await baresip.WaitForEventAsync("CALL_CLOSED", e => e.CallId == baresipRings.CallId, Patience);
        }
        else
        {
            await baresip.AcceptAsync();
            await linphone.WaitForCallStateAsync("Released", e => e.CallId == linphoneCall, Patience);
        }
        var result = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var datagrams = await capture.StopAsync();

        Assert.True(result.AllCallsSucceeded, result.Describe());
        var phones = new ForkedPhones(baresip, linphone, CapturedSipMessage.From(datagrams), RtpStreams.From(datagrams));
        // RFC 3261 §10.3 step 8: the registrar's 200 to the second phone lists both bindings of 1001.
        Assert.Equal(2, phones.LastRegistrationOkTo(linphone.SipPort).Headers("Contact").Count());
        var (winnerPort, loserPort) = answering == nameof(Linphone) ? (linphone.SipPort, baresip.SipPort) : (baresip.SipPort, linphone.SipPort);
        // Both rang (180); the loser's INVITE was CANCELled and answered 487 (§9.1, §15.1.2), the winner's never was.
        Assert.True(phones.Responded(winnerPort, 180) && phones.Responded(loserPort, 180), phones.Describe());
        Assert.Single(phones.CancelsTo(loserPort));
        Assert.True(phones.Responded(loserPort, 487), phones.Describe());
        Assert.Empty(phones.CancelsTo(winnerPort));
        var toSipp = CallAudio.Decode(RtpStreams.From(datagrams).SentTo(sippMedia).MaxBy(s => s.Packets.Count)!);
        if (answering == nameof(Linphone))
        {
            AudioProbe.AssertHears(toSipp, LinphoneTone, "SIPp hears linphone's tone");
            Assert.True(phones.LinphoneHeard() > 0.02, $"linphone was sent SIPp's speech, RMS {phones.LinphoneHeard()}");
            // SIPp's RFC 4733 digits reached linphone regenerated on its leg (it reports them as received tones).
            await Eventually.TrueAsync(() => linphone.ReceivedTones == "1#", "linphone received 1#: " + linphone.ReceivedTones);
            Assert.DoesNotContain(baresip.Events, e => e.Type == "CALL_ESTABLISHED");
        }
        else
        {
            AudioProbe.AssertHears(toSipp, BaresipTone, "SIPp hears baresip's tone");
            var heard = PcmAudio.ReadWav(Assert.Single(baresip.ReceivedAudioFiles()));
            Assert.True(heard.Rms() > 0.02, $"baresip recorded SIPp's speech, RMS {heard.Rms()}");
            Assert.Equal(["IncomingReceived", "End", "Released"], linphone.CallStates(linphoneCall));
        }
        // Huawu: the caller's leg was bridged to exactly one phone leg; the other phone leg ended unanswered.
        var fromSipp = node.Events.All<CallCreated>().Single(e => e.Trunk is not null);
        Assert.Equal(["CallCreated", "CallRinging", "CallAnswered", "CallBridged", "DtmfReceived", "DtmfReceived", "CallUnbridged", "CallHungUp"], node.Events.NamesOf(fromSipp.CallId));
        Assert.Equal(2, node.Events.All<CallCreated>().Count(e => e.To == "1001" && e.Trunk is null));
        Assert.Single(node.Events.All<CallBridged>(), e => e.CallId == fromSipp.CallId);
    }
}
