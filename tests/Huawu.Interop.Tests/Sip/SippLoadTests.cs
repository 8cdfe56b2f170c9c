using Huawu.Sip.Stack;
using Huawu.Testing.Peers;

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
        await using var sipp = Sipp.Start(FreePorts.Next(),
            ["-sn", "uac", $"127.0.0.1:{uas.EndPoint.Port}", "-m", "4000", "-r", "200", "-d", "10000", "-l", "3000",
             "-timeout", "90s", "-timeout_error", "-max_socket", "4096"]);

        await Sipp.AssertAllCallsSucceededAsync(sipp, TimeSpan.FromSeconds(120));
        output.WriteLine(sipp.Describe());
        output.WriteLine(uas.Stack.GetStatistics().ToString());
        Assert.Equal(4000, uas.Answered);
        Assert.Equal(0, uas.Stack.GetStatistics()[Huawu.Sip.Diagnostics.SipCounter.OverloadRejected]);
    }
}
