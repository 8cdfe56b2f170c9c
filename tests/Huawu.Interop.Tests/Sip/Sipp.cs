using System.Globalization;
using Huawu.Testing;
using Huawu.Testing.Peers;

namespace Huawu.Interop.Tests.Sip;

/// <summary>Runs SIPp (its built-in scenarios or ours) on 127.0.0.1 and checks it ended with every call successful.</summary>
internal static class Sipp
{
    /// <summary>SIPp's own scenarios and options, bounded by -timeout so a stuck run fails rather than hangs.</summary>
    public static PeerProcess Start(int port, IEnumerable<string> arguments) =>
        PeerProcess.Start("sipp", [.. arguments, "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-nostdin"]);

    public static string Scenario(string name) =>
        Path.Combine(SharedData.RepositoryRoot, "tests", "Huawu.Interop.Tests", "Sip", "Scenarios", name);

    /// <summary>Waits for SIPp to finish; exit code 0 means every call succeeded (SIPp's documented convention).</summary>
    public static async Task AssertAllCallsSucceededAsync(PeerProcess sipp, TimeSpan timeout)
    {
        var code = await sipp.WaitForExitAsync(timeout);
        Assert.True(code == 0, $"SIPp exited with {code}:\n{sipp.Describe()}");
    }
}
