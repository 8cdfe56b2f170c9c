using System.Globalization;
using Huawu.Testing.Peers;

namespace Huawu.LoadTests.Host;

/// <summary>
/// Sends POSIX signals to the processes this tool started, by id: SIGTERM stops a node the way an operator or
/// systemd does, SIGINT makes dumpcap finish its file and print its counters. .NET only sends SIGKILL.
/// </summary>
internal static class Signals
{
    public static Task TerminateAsync(int processId) => SendAsync("TERM", processId);

    public static Task InterruptAsync(int processId) => SendAsync("INT", processId);

    private static async Task SendAsync(string signal, int processId)
    {
        await using var kill = PeerProcess.Start("kill", ["-" + signal, processId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }
}
