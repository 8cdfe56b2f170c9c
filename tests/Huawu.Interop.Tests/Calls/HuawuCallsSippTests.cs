using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Calls;

/// <summary>Huawu originating through a SIPp trunk: digest on 401 and 407, BYE from either side.</summary>
public sealed class HuawuCallsSippTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_trunk_challenging_401_gets_digest_credentials_that_sipp_verifies_and_our_bye_ends_the_call()
    {
        var ports = PortBlock.Allocate(32);
        var trunkPort = ports.Take();
        await using var trunk = await StartTrunkAsync(ports, trunkPort, SippScenarios.UasChallenge401("acct", "s3cret"));
        await using var node = await StartNodeAsync(ports, trunkPort);

        var result = await node.Engine.OriginateAsync(new OriginateRequest("13800138000") { Trunk = "carrier" }).Within();
        Assert.True(result.IsAnswered, result.ToString());
        await result.Call!.HangupAsync();
        var sipp = await trunk.WaitForExitAsync(SippTimeout);

        // SIPp's verifyauth recomputed the MD5 response from the password (RFC 3261 §22.2 with RFC 2617).
        Assert.True(sipp.AllCallsSucceeded, sipp.Describe());
        var invites = sipp.Messages.Requests("INVITE", SippDirection.Received);
        Assert.Equal(2, invites.Count);
        Assert.Contains("username=\"acct\"", invites[1].Header("Authorization"), StringComparison.Ordinal);
        Assert.Single(sipp.Messages.Requests("BYE", SippDirection.Received));
        var ended = await node.Events.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Local), (ended.Cause, ended.By));
    }

    [Fact]
    public async Task A_trunk_challenging_407_gets_proxy_authorization()
    {
        var ports = PortBlock.Allocate(32);
        var trunkPort = ports.Take();
        await using var trunk = await StartTrunkAsync(ports, trunkPort, SippScenarios.UasChallenge407("acct"));
        await using var node = await StartNodeAsync(ports, trunkPort);

        var result = await node.Engine.OriginateAsync(new OriginateRequest("13800138000") { Trunk = "carrier" }).Within();
        Assert.True(result.IsAnswered, result.ToString());
        await result.Call!.HangupAsync();
        var sipp = await trunk.WaitForExitAsync(SippTimeout);

        Assert.True(sipp.AllCallsSucceeded, sipp.Describe());
        Assert.Contains("username=\"acct\"", sipp.Messages.Requests("INVITE", SippDirection.Received)[1].Header("Proxy-Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bye_from_the_far_end_ends_an_outbound_call_as_theirs()
    {
        var ports = PortBlock.Allocate(32);
        var trunkPort = ports.Take();
        await using var trunk = await StartTrunkAsync(ports, trunkPort, SippScenarios.UasAnswerThenBye(), TimeSpan.FromMilliseconds(500));
        await using var node = await StartNodeAsync(ports, trunkPort);

        var result = await node.Engine.OriginateAsync(new OriginateRequest("13800138000") { Trunk = "carrier" }).Within();
        Assert.True(result.IsAnswered, result.ToString());
        var ended = await result.Call!.Ended.Within();
        var sipp = await trunk.WaitForExitAsync(SippTimeout);

        Assert.True(sipp.AllCallsSucceeded, sipp.Describe());
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (ended.Cause, ended.By));
        Assert.InRange(ended.TalkDuration, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(3));
    }

    private static Task<Sipp> StartTrunkAsync(PortBlock ports, int port, SippScenario scenario, TimeSpan? pause = null) =>
        Sipp.StartAsync(new SippOptions
        {
            Scenario = scenario,
            LocalPort = port,
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            Pause = pause,
            GlobalTimeout = SippTimeout,
        });

    private static Task<HuawuNode> StartNodeAsync(PortBlock ports, int trunkPort) =>
        HuawuNode.StartAsync(ports, trustLoopback: false, options => options.Trunks.Add(new Huawu.Telephony.Configuration.TrunkOptions
        {
            Name = "carrier",
            Host = "127.0.0.1",
            Port = trunkPort,
            Username = "acct",
            Password = "s3cret",
            OptionsIntervalSeconds = 0,
        }));
}
