using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Robot;

/// <summary>
/// An agent's IP phone played by SIPp: it registers extension <see cref="RobotNode.Extension"/> with the node's registrar
/// (RFC 3261 §10, digest per §22), then a SIPp UAS on the same port (so the registered Contact) takes the hand-off.
/// </summary>
internal static class AgentPhone
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<Sipp> RegisterAndStartAsync(RobotNode node, int port, int mediaPort, SippScenario scenario)
    {
        var registered = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacRegisterDigest(),
            Remote = "127.0.0.1:" + node.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Service = RobotNode.Extension,
            AuthUser = RobotNode.Extension,
            AuthPassword = RobotNode.ExtensionPassword,
            LocalPort = port,
            MaxCalls = 1,
            GlobalTimeout = TimeSpan.FromSeconds(10),
        }, TimeSpan.FromSeconds(15));
        Assert.True(registered.AllCallsSucceeded, registered.Describe());
        return await Sipp.StartAsync(new SippOptions
        {
            Scenario = scenario,
            LocalPort = port,
            MediaPort = mediaPort,
            MaxCalls = 1,
            GlobalTimeout = Patience,
        });
    }

    /// <summary>
    /// The phone that checks the hand-off's context headers (<c>uas_phone_context.xml</c>), answers, says
    /// <paramref name="greetingPcap"/> and hangs up after <paramref name="holdMs"/>.
    /// </summary>
    public static async Task<SippScenario> ContextScenarioAsync(PeerDirectory files, string intent, string grade, string greetingPcap, int holdMs)
    {
        var path = files.File("uas_phone_context.xml");
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Robot", "Scenarios", "uas_phone_context.xml"));
        await File.WriteAllTextAsync(path, template
            .Replace("@INTENT@", intent, StringComparison.Ordinal)
            .Replace("@GRADE@", grade, StringComparison.Ordinal)
            .Replace("@PCAP@", greetingPcap, StringComparison.Ordinal)
            .Replace("@HOLD_MS@", holdMs.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return SippScenario.FromFile(path);
    }
}
