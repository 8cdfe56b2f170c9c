using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Peers;

/// <summary>Baresip dialling SIPp directly (no registration): proves the baresip driver and the UAS scenarios.</summary>
public sealed class BaresipCallsSippTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Call_with_wav_audio_dtmf_hold_resume_and_hangup_is_seen_on_the_wire_and_by_sipp()
    {
        var ports = PortBlock.Allocate(32);
        using var wav = PeerDirectory.Create("tone");
        PcmAudio.Tone(1000, TimeSpan.FromSeconds(30)).WriteWav(wav.File("tone.wav"));
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        var (sipp, sippPort, mediaPort) = await StartUasAsync(ports, SippScenarios.UasAnswer(G711.Pcmu));
        await using var _ = sipp;
        await using var phone = await Baresip.StartAsync(new BaresipOptions { Ports = ports, AudioSource = BaresipAudioSource.Wav(wav.File("tone.wav")) });

        await phone.DialAsync($"sip:service@127.0.0.1:{sippPort}");
        var established = await phone.WaitForEventAsync("CALL_ESTABLISHED");
        // A live look at the wire: a second of audio (50 packets of 20 ms) has reached SIPp's media port.
        await capture.WaitUntilAsync(d => RtpStreams.From(d).SentTo(mediaPort).Sum(s => s.Count(0)) >= 50, TimeSpan.FromSeconds(5));
        await phone.SendDtmfAsync("1#");
        await Task.Delay(400);
        var beforeHold = phone.EventCount;
        await phone.HoldAsync();
        await phone.WaitForEventAsync("CALL_REMOTE_SDP", fromIndex: beforeHold);
        var beforeResume = phone.EventCount;
        await phone.ResumeAsync();
        await phone.WaitForEventAsync("CALL_REMOTE_SDP", fromIndex: beforeResume);
        await Task.Delay(300);
        await phone.HangupAsync();
        await phone.WaitForEventAsync("CALL_CLOSED");
        var result = await sipp.WaitForExitAsync(SippTimeout);
        var rtp = RtpStreams.From(await capture.StopAsync());

        Assert.True(result.AllCallsSucceeded, result.Describe());
        var invites = result.Messages.Requests("INVITE", SippDirection.Received);
        Assert.Equal(3, invites.Count);
        Assert.All(invites, i => Assert.Equal(established.CallId, i.CallId));
        // RFC 3264 §8.4: hold offers sendonly, resume sendrecv again.
        Assert.Contains("a=sendonly", invites[1].Body, StringComparison.Ordinal);
        Assert.Contains("a=sendrecv", invites[2].Body, StringComparison.Ordinal);
        Assert.Single(result.Messages.Requests("BYE", SippDirection.Received));
        var sent = Assert.Single(rtp.SentTo(mediaPort));
        Assert.True(sent.Count(0) >= 50, sent.ToString());
        Assert.Empty(sent.Gaps());
        Assert.Equal("1#", string.Concat(sent.TelephoneEvents(101).Where(e => e.Ended).Select(e => e.Digit)));
        // The WAV tone left baresip's encoder as heard, not silence.
        Assert.InRange(PcmAudio.ReadWav(Assert.Single(phone.SentAudioFiles())).Rms(), 0.2, 0.5);
    }

    [Fact]
    public async Task Remote_bye_from_sipp_closes_the_call()
    {
        var ports = PortBlock.Allocate(24);
        var (sipp, sippPort, _) = await StartUasAsync(ports, SippScenarios.UasAnswerThenBye(G711.Pcma), TimeSpan.FromMilliseconds(500));
        await using var _ = sipp;
        await using var phone = await Baresip.StartAsync(new BaresipOptions { Ports = ports });

        await phone.DialAsync($"sip:service@127.0.0.1:{sippPort}");
        var established = await phone.WaitForEventAsync("CALL_ESTABLISHED");
        var closed = await phone.WaitForEventAsync("CALL_CLOSED", e => e.CallId == established.CallId);
        var result = await sipp.WaitForExitAsync(SippTimeout);

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Single(result.Messages.Requests("BYE", SippDirection.Sent));
        Assert.Single(result.Messages.Responses(200, SippDirection.Received));
        Assert.Equal(established.CallId, closed.CallId);
    }

    [Fact]
    public async Task Hangup_while_ringing_cancels_the_call()
    {
        var ports = PortBlock.Allocate(24);
        var (sipp, sippPort, _) = await StartUasAsync(ports, SippScenarios.UasRingCancel());
        await using var _ = sipp;
        await using var phone = await Baresip.StartAsync(new BaresipOptions { Ports = ports });

        await phone.DialAsync($"sip:service@127.0.0.1:{sippPort}");
        await phone.WaitForEventAsync("CALL_RINGING");
        await phone.HangupAsync();
        await phone.WaitForEventAsync("CALL_CLOSED");
        var result = await sipp.WaitForExitAsync(SippTimeout);

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Single(result.Messages.Requests("CANCEL", SippDirection.Received));
        Assert.Single(result.Messages.Responses(487, SippDirection.Sent));
    }

    [Fact]
    public async Task Blind_transfer_sends_refer_to_the_target()
    {
        const string Target = "sip:carol@127.0.0.1:5999";
        var ports = PortBlock.Allocate(24);
        var (sipp, sippPort, _) = await StartUasAsync(ports, SippScenarios.UasRefer(Target));
        await using var _ = sipp;
        await using var phone = await Baresip.StartAsync(new BaresipOptions { Ports = ports });

        await phone.DialAsync($"sip:service@127.0.0.1:{sippPort}");
        await phone.WaitForEventAsync("CALL_ESTABLISHED");
        await phone.TransferAsync(Target);
        // RFC 3515 §2.4.5: the NOTIFY's sipfrag "200 OK" tells the transferor the transfer succeeded.
        var closed = await phone.WaitForEventAsync("CALL_CLOSED");
        var result = await sipp.WaitForExitAsync(SippTimeout);

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Equal(Target, result.Messages.Requests("REFER", SippDirection.Received).Single().Header("Refer-To"));
        Assert.Equal("Call transfered", closed.Param);
    }

    private static async Task<(Sipp Sipp, int SipPort, int MediaPort)> StartUasAsync(PortBlock ports, SippScenario scenario, TimeSpan? pause = null)
    {
        var sipPort = ports.Take();
        var mediaPort = ports.Take(4);
        var sipp = await Sipp.StartAsync(new SippOptions
        {
            Scenario = scenario,
            LocalPort = sipPort,
            MediaPort = mediaPort,
            MaxCalls = 1,
            Pause = pause,
            GlobalTimeout = SippTimeout,
        });
        return (sipp, sipPort, mediaPort);
    }
}
