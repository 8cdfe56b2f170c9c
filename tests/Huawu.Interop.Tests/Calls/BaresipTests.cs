using Huawu.Media.Audio;
using Huawu.Sip.Authentication;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SoftPhone;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// A real softphone (baresip) as an extension of Huawu: it registers with digest, calls the echo test with DTMF and
/// hold, and takes a call from Huawu that plays it a prompt.
/// </summary>
public sealed class BaresipTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_registered_phone_calls_echo_sends_dtmf_holds_resumes_and_hangs_up()
    {
        var ports = PortBlock.Allocate(48);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false, WithExtension);
        await using var phone = await Baresip.StartAsync(new BaresipOptions
        {
            Ports = ports,
            Account = BaresipAccount.Registering("1001", "s3cret", node.Address),
        });
        Assert.True(await phone.WaitForRegistrationAsync(Patience) == BaresipRegistration.Registered, phone.Describe());

        // The INVITE is challenged 407 (RFC 3261 §22.3) and retried with the extension's credentials.
        await phone.DialAsync($"sip:echo@{node.Address}");
        await phone.WaitForEventAsync("CALL_ESTABLISHED", timeout: Patience);
        var created = await node.Events.WaitAsync<CallCreated>();
        Assert.Equal(("1001", "echo", (string?)null), (created.From, created.To, created.Trunk));
        await phone.SendDtmfAsync("42");
        await Eventually.TrueAsync(() => node.Events.All<DtmfReceived>().Count == 2, "two keys in CTI");
        await phone.HoldAsync();
        var held = await node.Events.WaitAsync<CallHeld>();
        await phone.ResumeAsync();
        var resumed = await node.Events.WaitAsync<CallResumed>();
        await phone.HangupAsync();
        var ended = await node.Events.WaitAsync<CallHungUp>();

        Assert.Equal("42", string.Concat(node.Events.All<DtmfReceived>().Select(k => k.Key)));
        Assert.Equal((HangupSide.Remote, HangupSide.Remote), (held.By, resumed.By));
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (ended.Cause, ended.By));
        Assert.Equal(
            ["CallCreated", "CallAnswered", "DtmfReceived", "DtmfReceived", "CallHeld", "CallResumed", "CallHungUp"],
            node.Events.NamesOf(created.CallId));
    }

    [Fact]
    public async Task Huawu_calls_the_extension_plays_a_prompt_that_the_phone_records_and_the_phone_hangs_up()
    {
        var ports = PortBlock.Allocate(48);
        using var files = PeerDirectory.Create("prompt");
        var prompt = files.File("prompt.wav");
        PcmAudio.Tone(700, TimeSpan.FromSeconds(2)).WriteWav(prompt);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false, WithExtension);
        await using var phone = await Baresip.StartAsync(new BaresipOptions
        {
            Ports = ports,
            Account = BaresipAccount.Registering("1001", "s3cret", node.Address) with { AnswerMode = BaresipAnswerMode.Auto },
        });
        Assert.True(await phone.WaitForRegistrationAsync(Patience) == BaresipRegistration.Registered, phone.Describe());

        var result = await node.Engine.OriginateAsync(new OriginateRequest("1001") { CallerId = "robot" }).WaitAsync(Patience);
        Assert.True(result.IsAnswered, result.ToString());
        var call = result.Call!;
        var played = await call.PlayAsync(new PlaybackSource(AudioClip.Load(prompt))).WaitAsync(Patience);
        await phone.HangupAsync();
        var ended = await call.Ended.WaitAsync(Patience);

        Assert.Equal(PlaybackEnd.Completed, played.End);
        Assert.Equal(TimeSpan.FromSeconds(2), played.Played);
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (ended.Cause, ended.By));
        await phone.WaitForEventAsync("CALL_CLOSED", timeout: Patience);
        var heard = PcmAudio.ReadWav(Assert.Single(phone.ReceivedAudioFiles()));
        Assert.True(heard.Rms() > 0.05, $"the phone recorded RMS {heard.Rms()}");
        Assert.InRange(heard.Duration.TotalSeconds, 1.8, 6);
    }

    private static void WithExtension(TelephonyOptions options)
    {
        options.Extensions.Add(new ExtensionOptions { Number = "1001", Password = "s3cret" });
        // Baresip 1.0 fails on any SHA-256 challenge rather than answering the MD5 one beside it (RFC 8760 §2.4).
        options.Sip.DigestAlgorithms = [DigestAlgorithm.Md5];
    }
}
