using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Sip;

/// <summary>
/// The call rate target: SIPp places 4000 calls at 200 per second, each held 10 s, so about 2000 dialogs are open at
/// once, against the minimal UAS; every call must succeed.
/// </summary>
public sealed class SippLoadTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [LoadFact]
    public async Task Two_hundred_calls_per_second_with_two_thousand_concurrent_dialogs_all_succeed()
    {
        await using var uas = new MinimalUas();

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenario.Builtin("uac"),
            Remote = $"127.0.0.1:{uas.EndPoint.Port}",
            LocalPort = FreePorts.Next(),
            MaxCalls = 4000,
            CallRate = 200,
            Pause = TimeSpan.FromSeconds(10),
            ConcurrentCallLimit = 3000,
            GlobalTimeout = TimeSpan.FromSeconds(90),
            ExtraArguments = ["-max_socket", "4096"],
        }, TimeSpan.FromSeconds(120));

        Assert.True(result.AllCallsSucceeded, result.Describe());
        output.WriteLine(result.Describe());
        output.WriteLine(uas.Stack.GetStatistics().ToString());
        Assert.Equal(4000, uas.Answered);
        Assert.Equal(0, uas.Stack.GetStatistics()[Huawu.Sip.Diagnostics.SipCounter.OverloadRejected]);
    }
}
