using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Peers;

/// <summary>SIPp calling an auto-answering baresip: proves the media UAC scenario, the capture and baresip's recording.</summary>
public sealed class SippCallsBaresipTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Pcap_speech_and_dtmf_reach_baresip_which_records_them_and_bye_ends_the_call()
    {
        var ports = PortBlock.Allocate(32);
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        await using var phone = await Baresip.StartAsync(new BaresipOptions
        {
            Ports = ports,
            Account = BaresipAccount.Direct("alice", BaresipAnswerMode.Auto),
        });
        var mediaPort = ports.Take(4);

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacCallMedia(),
            Remote = $"127.0.0.1:{phone.SipPort}",
            Service = "alice",
            LocalPort = ports.Take(),
            MediaPort = mediaPort,
            MaxCalls = 1,
            GlobalTimeout = SippTimeout,
        }, SippTimeout + TimeSpan.FromSeconds(5));
        var established = await phone.WaitForEventAsync("CALL_ESTABLISHED");
        await phone.WaitForEventAsync("CALL_CLOSED", e => e.CallId == established.CallId);
        var rtp = RtpStreams.From(await capture.StopAsync());

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Equal("incoming", established.Direction);
        var toPhone = rtp.SentFrom(mediaPort);
        var speech = Assert.Single(toPhone.Carrying(8));
        // g711a.pcap holds 236 packets of PCMA; all arrive, in sequence.
        Assert.Equal(236, speech.Count(8));
        Assert.Empty(speech.Gaps());
        var dtmf = toPhone.Carrying(101).SelectMany(s => s.TelephoneEvents(101)).ToList();
        Assert.Equal("1#", string.Concat(dtmf.Where(e => e.Ended).Select(e => e.Digit)));
        // Baresip answered with PCMA (the only audio codec offered) and sent its own audio back.
        Assert.True(Assert.Single(rtp.SentTo(mediaPort)).Count(8) > 100);
        var heard = PcmAudio.ReadWav(Assert.Single(phone.ReceivedAudioFiles()));
        Assert.InRange(heard.Duration.TotalSeconds, 6.5, 9.0);
        Assert.True(heard.Rms() > 0.02, $"recorded RMS {heard.Rms()}");
    }

    [Fact]
    public async Task Manual_answer_mode_rings_until_accepted_and_the_callers_bye_ends_the_call()
    {
        var ports = PortBlock.Allocate(24);
        await using var phone = await Baresip.StartAsync(new BaresipOptions { Ports = ports });
        await using var sipp = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UacLoad(),
            Remote = $"127.0.0.1:{phone.SipPort}",
            Service = "alice",
            LocalPort = ports.Take(),
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            Pause = TimeSpan.FromMilliseconds(300),
            GlobalTimeout = SippTimeout,
        });

        var incoming = await phone.WaitForEventAsync("CALL_INCOMING");
        await Task.Delay(200);
        Assert.DoesNotContain(phone.Events, e => e.Type == "CALL_ESTABLISHED");
        await phone.AcceptAsync();
        await phone.WaitForEventAsync("CALL_ESTABLISHED", e => e.CallId == incoming.CallId);
        await phone.WaitForEventAsync("CALL_CLOSED", e => e.CallId == incoming.CallId);
        var result = await sipp.WaitForExitAsync(SippTimeout);

        Assert.True(result.AllCallsSucceeded, result.Describe());
        var received = result.Messages.Messages.Where(m => m.Direction == SippDirection.Received && !m.IsRequest).Select(m => m.StatusCode).ToList();
        // Ringing while unanswered, then 200 for the INVITE and 200 for SIPp's BYE.
        Assert.Equal([180, 200, 200], received.Where(code => code != 100));
    }

    [Fact]
    public async Task Options_ping_is_answered_200()
    {
        var ports = PortBlock.Allocate(24);
        await using var phone = await Baresip.StartAsync(new BaresipOptions { Ports = ports });

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacOptions(),
            Remote = $"127.0.0.1:{phone.SipPort}",
            Service = "alice",
            LocalPort = ports.Take(),
            MaxCalls = 1,
            GlobalTimeout = SippTimeout,
        }, SippTimeout);

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.StartsWith("baresip", result.Messages.Responses(200, SippDirection.Received).Single().Header("Server"), StringComparison.Ordinal);
    }
}
