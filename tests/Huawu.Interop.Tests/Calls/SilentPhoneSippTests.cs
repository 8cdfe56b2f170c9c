using System.Diagnostics;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// A SIPp phone that takes the INVITE and stays silent past the ring timeout, then answers: the originate returns at
/// its ring timeout (RFC 3261 §9.1 forbids a CANCEL before a 1xx, and Timer B would take 32 s), and the late 2xx is
/// acknowledged and hung up.
/// </summary>
public sealed class SilentPhoneSippTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(20);
    // The scenario stays silent for 4 s before its 200.
    private static readonly TimeSpan SilenceBeforeAnswer = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_phone_silent_past_the_ring_timeout_is_given_up_on_then_and_its_late_answer_gets_ack_and_bye()
    {
        var ports = PortBlock.Allocate(32);
        var phonePort = ports.Take();
        await using var phone = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenario.FromFile(Path.Combine(SippScenarios.Folder, "uas_silent_then_answer.xml")),
            LocalPort = phonePort,
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            GlobalTimeout = SippTimeout,
        });
        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: false,
            options => options.Trunks.Add(new TrunkOptions { Name = "phone", Host = "127.0.0.1", Port = phonePort, OptionsIntervalSeconds = 0 }));

        var clock = Stopwatch.StartNew();
        var result = await node.Engine.OriginateAsync(new OriginateRequest("1001") { Trunk = "phone", RingTimeout = TimeSpan.FromSeconds(1) }).Within();
        var returnedAfter = clock.Elapsed;
        var sipp = await phone.WaitForExitAsync(SippTimeout);

        Assert.Equal((HangupCause.NoAnswer, (int?)null), (result.Cause, result.SipStatus));
        // Returned before the phone's 200 was even sent (not after Timer B, nor after the answer).
        Assert.True(returnedAfter < SilenceBeforeAnswer, $"returned after {returnedAfter}");
        Assert.True(sipp.AllCallsSucceeded, sipp.Describe());
        Assert.Single(sipp.Messages.Requests("ACK", SippDirection.Received));
        Assert.Single(sipp.Messages.Requests("BYE", SippDirection.Received));
        Assert.Empty(sipp.Messages.Requests("CANCEL", SippDirection.Received));
        Assert.Empty(node.Engine.Calls);
    }
}
