using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.SoftPhone;

namespace Huawu.Interop.Tests.Calls;

/// <summary>Blind transfers (RFC 3515) with real peers: a baresip extension transferring its caller, Huawu transferring SIPp.</summary>
public sealed class TransferInteropTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_extension_transfers_its_caller_to_a_third_extension_and_the_two_talk()
    {
        var ports = PortBlock.Allocate(64);
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false, ExtensionInteropTests.Extension("1001", "1002", "1003"));
        var phones = await Task.WhenAll(
            StartPhoneAsync(ports, node, "1001", 500, BaresipAnswerMode.Manual),
            StartPhoneAsync(ports, node, "1002", 900, BaresipAnswerMode.Auto),
            StartPhoneAsync(ports, node, "1003", 1300, BaresipAnswerMode.Auto));
        await using var alice = phones[0];
        await using var bob = phones[1];
        await using var carol = phones[2];

        await alice.DialAsync($"sip:1002@{node.Address}");
        await alice.WaitForEventAsync("CALL_ESTABLISHED", timeout: Patience);
        await bob.WaitForEventAsync("CALL_ESTABLISHED", timeout: Patience);
        await Task.Delay(1000);
        await bob.TransferAsync($"sip:1003@{node.Address}");
        // RFC 3515 §2.4.5: the final NOTIFY's "200 OK" tells bob the transfer worked; he hangs up.
        var bobClosed = await bob.WaitForEventAsync("CALL_CLOSED", timeout: Patience);
        await carol.WaitForEventAsync("CALL_ESTABLISHED", timeout: Patience);
        await Task.Delay(2500);
        await alice.HangupAsync();
        await carol.WaitForEventAsync("CALL_CLOSED", timeout: Patience);

        Assert.Equal("Call transfered", bobClosed.Param);
        var transferred = await node.Events.WaitAsync<CallTransferred>();
        Assert.Equal((true, (int?)200), (transferred.Succeeded, transferred.SipStatus));
        Assert.Equal(HangupCause.Transferred, (await node.Events.HungUpAsync(transferred.CallId)).Cause);
        var aliceLeg = node.Events.All<CallCreated>().Single(e => e.Direction == CallDirection.Inbound).CallId;
        var carolLeg = node.Events.All<CallCreated>().Single(e => e.To == "1003").CallId;
        Assert.Equal(carolLeg, node.Events.Of(aliceLeg).OfType<CallBridged>().Last().OtherCallId);
        // What each phone recorded: carol heard alice; alice's last seconds are carol, not bob.
        var carolHeard = PcmAudio.ReadWav(Assert.Single(carol.ReceivedAudioFiles()));
        AudioProbe.AssertHears(CallAudio.FirstChannel(carolHeard), 500, "carol hears alice", carolHeard.SampleRate);
        var aliceHeard = PcmAudio.ReadWav(Assert.Single(alice.ReceivedAudioFiles()));
        var aliceEnd = CallAudio.Tail(aliceHeard, TimeSpan.FromSeconds(1.5));
        AudioProbe.AssertHears(aliceEnd, 1300, "alice ends up hearing carol", aliceHeard.SampleRate);
        Assert.True(AudioProbe.ShareAtPerFrame(aliceEnd, 900, aliceHeard.SampleRate) < 0.05, "and no longer bob");
    }

    [Fact]
    public async Task Huawu_transfers_a_sipp_call_by_refer_and_hangs_up_when_sipp_reports_success()
    {
        const string Target = "sip:carol@127.0.0.1:5999";
        var ports = PortBlock.Allocate(32);
        var trunkPort = ports.Take();
        await using var trunk = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UasRefer(Target),
            LocalPort = trunkPort,
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            GlobalTimeout = TimeSpan.FromSeconds(20),
        });
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false, options => options.Trunks.Add(
            new TrunkOptions { Name = "carrier", Host = "127.0.0.1", Port = trunkPort, OptionsIntervalSeconds = 0 }));

        var call = (await node.Engine.OriginateAsync(new OriginateRequest("13800138000") { Trunk = "carrier" }).WaitAsync(Patience)).Call!;
        var result = await call.BlindTransferAsync(Target).WaitAsync(Patience);
        var sipp = await trunk.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.Succeeded, result.ToString());
        // SIPp checked the Refer-To, NOTIFYed "SIP/2.0 200 OK" and got our BYE (RFC 5589 §6).
        Assert.True(sipp.AllCallsSucceeded, sipp.Describe());
        Assert.Equal(Target, ReferTarget(sipp.Messages.Requests("REFER", SippDirection.Received).Single().Header("Refer-To")));
        var ended = await call.Ended.WaitAsync(Patience);
        Assert.Equal((HangupCause.Transferred, HangupSide.Local), (ended.Cause, ended.By));
        Assert.Equal(["CallCreated", "CallAnswered", "CallTransferred", "CallHungUp"], node.Events.NamesOf(call.Id));
    }

    private static string? ReferTarget(string? header) => header?.Trim().TrimStart('<').TrimEnd('>');

    private static Task<Baresip> StartPhoneAsync(PortBlock ports, HuawuNode node, string extension, int tone, BaresipAnswerMode answer) =>
        StartRegisteredAsync(new BaresipOptions
        {
            Ports = ports,
            Account = BaresipAccount.Registering(extension, "s3cret", node.Address) with { AnswerMode = answer },
            AudioSource = BaresipAudioSource.Sine(tone),
        });

    private static async Task<Baresip> StartRegisteredAsync(BaresipOptions options)
    {
        var phone = await Baresip.StartAsync(options);
        Assert.True(await phone.WaitForRegistrationAsync(Patience) == BaresipRegistration.Registered, phone.Describe());
        return phone;
    }
}
