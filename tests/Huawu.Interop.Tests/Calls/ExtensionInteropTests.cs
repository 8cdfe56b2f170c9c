using Huawu.Sip.Authentication;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// A call from a trunk (SIPp) to a registered extension (baresip) through Huawu as a B2BUA: the phone rings, answers,
/// and both legs carry audio both ways, checked on the wire and in what the phone recorded.
/// </summary>
public sealed class ExtensionInteropTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sipp_calls_a_registered_baresip_extension_and_each_hears_the_other()
    {
        var ports = PortBlock.Allocate(64);
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: true, Extension("1001"));
        await using var phone = await Baresip.StartAsync(new BaresipOptions
        {
            Ports = ports,
            Account = BaresipAccount.Registering("1001", "s3cret", node.Address) with { AnswerMode = BaresipAnswerMode.Auto },
            AudioSource = BaresipAudioSource.Sine(1000),
        });
        Assert.True(await phone.WaitForRegistrationAsync(Patience) == BaresipRegistration.Registered, phone.Describe());
        var sippMedia = ports.Take(4);

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacCallMedia(),
            Remote = node.Address,
            Service = "1001",
            LocalPort = ports.Take(),
            MediaPort = sippMedia,
            MaxCalls = 1,
            GlobalTimeout = TimeSpan.FromSeconds(30),
        }, TimeSpan.FromSeconds(35));
        await phone.WaitForEventAsync("CALL_CLOSED", timeout: Patience);
        var rtp = RtpStreams.From(await capture.StopAsync());

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Single(result.Messages.Responses(180, SippDirection.Received)); // the phone's ringing, relayed
        // Leg 1, SIPp ↔ Huawu: SIPp's speech in, the phone's 1 kHz out.
        Assert.True(rtp.SentFrom(sippMedia).Sum(s => s.Count(8)) > 200, "SIPp sent its speech");
        var toSipp = CallAudio.Decode(rtp.SentTo(sippMedia).MaxBy(s => s.Packets.Count)!);
        AudioProbe.AssertHears(toSipp, 1000, "SIPp hears the phone's 1 kHz");
        // Leg 2, Huawu ↔ baresip: both directions carry audio.
        var phonePorts = Enumerable.Range(phone.FirstRtpPort, phone.Options.RtpPortCount).ToHashSet();
        Assert.True(rtp.Where(s => phonePorts.Contains(s.Destination.Port)).Sum(s => s.Packets.Count) > 200, "Huawu sent the phone audio");
        Assert.True(rtp.Where(s => phonePorts.Contains(s.Source.Port)).Sum(s => s.Packets.Count) > 200, "the phone sent Huawu audio");
        var heard = PcmAudio.ReadWav(Assert.Single(phone.ReceivedAudioFiles()));
        Assert.True(heard.Rms() > 0.02, $"the phone recorded SIPp's speech, RMS {heard.Rms()}");
        // SIPp's DTMF (RFC 4733) reached the phone regenerated on its leg.
        var phoneStream = rtp.Where(s => phonePorts.Contains(s.Destination.Port)).MaxBy(s => s.Packets.Count)!;
        var eventType = phoneStream.PayloadTypes.Single(pt => pt is not (0 or 8));
        Assert.Equal("1#", string.Concat(phoneStream.TelephoneEvents(eventType).Where(e => e.Ended).Select(e => e.Digit)));
        // SIPp's BYE ended its leg, and the bridge ended the phone's.
        var fromSipp = node.Events.All<CallCreated>().Single(e => e.Direction == CallDirection.Inbound);
        Assert.Equal(["CallCreated", "CallRinging", "CallAnswered", "CallBridged", "DtmfReceived", "DtmfReceived", "CallUnbridged", "CallHungUp"], node.Events.NamesOf(fromSipp.CallId));
        var toPhone = node.Events.All<CallBridged>().Single(e => e.CallId == fromSipp.CallId).OtherCallId;
        var phoneEnd = await node.Events.HungUpAsync(toPhone);
        Assert.Equal(HangupSide.Local, phoneEnd.By);
    }

    internal static Action<TelephonyOptions> Extension(params string[] numbers) => options =>
    {
        foreach (var number in numbers) options.Extensions.Add(new ExtensionOptions { Number = number, Password = "s3cret" });
        // Baresip 1.0 fails on any SHA-256 challenge rather than answering the MD5 one beside it (RFC 8760 §2.4).
        options.Sip.DigestAlgorithms = [DigestAlgorithm.Md5];
    };
}
