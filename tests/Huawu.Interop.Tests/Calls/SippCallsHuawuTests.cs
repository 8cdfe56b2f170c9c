using MediaG711 = Huawu.Media.Codecs.G711;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Calls;

/// <summary>SIPp calling Huawu's diagnostic extensions and hanging up or cancelling, checked on the wire and in CTI.</summary>
public sealed class SippCallsHuawuTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Echo_sends_back_what_sipp_plays_and_the_dtmf_it_sends_reaches_cti()
    {
        var ports = PortBlock.Allocate(48);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: true);
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        var mediaPort = ports.Take(4);

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacCallMedia(),
            Remote = node.Address,
            Service = "echo",
            LocalPort = ports.Take(),
            MediaPort = mediaPort,
            MaxCalls = 1,
            GlobalTimeout = SippTimeout,
        }, SippTimeout + TimeSpan.FromSeconds(5));
        var rtp = RtpStreams.From(await capture.StopAsync());

        Assert.True(result.AllCallsSucceeded, result.Describe());
        // What SIPp played (PCMA speech) comes back from Huawu, byte for byte (A-law decodes and re-encodes exactly).
        var played = Assert.Single(rtp.SentFrom(mediaPort).Carrying(8)).Payload(8);
        var echoed = Assert.Single(rtp.SentTo(mediaPort).Carrying(8));
        var match = EchoMatch.Find(played, echoed.Payload(8));
        Assert.True(match.FoundFraction > 0.8, $"{match}; echo stream {echoed}");
        Assert.Empty(echoed.Gaps());
        // RFC 4733 events 1 and # from SIPp's pcaps, published once each.
        var keys = await WaitForKeysAsync(node, 2);
        Assert.Equal("1#", string.Concat(keys.Select(k => k.Key)));
        Assert.All(keys, k => Assert.Equal(DtmfMethod.Rfc4733, k.Method));
        var ended = await node.Events.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (ended.Cause, ended.By));
        Assert.InRange(ended.TalkDuration, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Tone_sends_1_kHz()
    {
        var ports = PortBlock.Allocate(48);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: true);
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        var mediaPort = ports.Take(4);

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacLoad(),
            Remote = node.Address,
            Service = "tone",
            LocalPort = ports.Take(),
            MediaPort = mediaPort,
            MaxCalls = 1,
            Pause = TimeSpan.FromSeconds(1.5),
            GlobalTimeout = SippTimeout,
        }, SippTimeout);
        var rtp = RtpStreams.From(await capture.StopAsync());

        Assert.True(result.AllCallsSucceeded, result.Describe());
        var tone = Assert.Single(rtp.SentTo(mediaPort).Carrying(0));
        var payload = tone.Payload(0);
        var samples = new short[payload.Length];
        MediaG711.DecodeMuLaw(payload, samples);
        Assert.True(tone.Count(0) >= 60, tone.ToString());
        Assert.True(AudioProbe.ShareAt(samples, 1000, 8000) > 0.9, "the captured payload is the 1 kHz test tone");
    }

    [Fact]
    public async Task A_cancel_before_answer_gets_487_and_ends_the_call_as_the_callers()
    {
        var ports = PortBlock.Allocate(32);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: true);
        node.Engine.SetInboundHandler(async call =>
        {
            await call.RingAsync();
            await call.Ended;
        });

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacCancel(),
            Remote = node.Address,
            Service = "agent",
            LocalPort = ports.Take(),
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            GlobalTimeout = SippTimeout,
        }, SippTimeout);

        // RFC 3261 §9.2: 200 to the CANCEL, 487 to the INVITE (the scenario fails on anything else).
        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Single(result.Messages.Responses(487, SippDirection.Received));
        var ended = await node.Events.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.OriginatorCancel, HangupSide.Remote, (int?)487), (ended.Cause, ended.By, ended.SipStatus));
        Assert.Equal(["CallCreated", "CallRinging", "CallHungUp"], node.Events.NamesOf(ended.CallId));
    }

    [Fact]
    public async Task Playback_plays_its_chime_and_hangs_up_with_bye()
    {
        var ports = PortBlock.Allocate(32);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: true);

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacRemoteBye(),
            Remote = node.Address,
            Service = "playback",
            LocalPort = ports.Take(),
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            GlobalTimeout = SippTimeout,
        }, SippTimeout);

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Single(result.Messages.Requests("BYE", SippDirection.Received));
        var ended = await node.Events.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Local), (ended.Cause, ended.By));
    }

    private static async Task<IReadOnlyList<DtmfReceived>> WaitForKeysAsync(HuawuNode node, int count)
    {
        await Eventually.TrueAsync(() => node.Events.All<DtmfReceived>().Count >= count, $"{count} DTMF keys in CTI");
        return node.Events.All<DtmfReceived>();
    }
}
