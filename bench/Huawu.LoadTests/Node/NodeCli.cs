using Huawu.Testing;
using Huawu.Testing.Peers;

namespace Huawu.LoadTests.Node;

/// <summary>
/// The node's command-line verbs (<c>./huawu contacts import …</c>, <c>campaign create …</c>, <c>user add …</c>) on its configuration
/// and data directory, as an operator sets a node up before or while it serves.
/// </summary>
internal sealed class NodeCli(string configuration, string data)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>Runs a verb and returns its output; <paramref name="input"/>, when given, is its one line of standard input (a password).</summary>
    public async Task<string> RunAsync(IEnumerable<string> arguments, string? input = null)
    {
        await using var verb = PeerProcess.Start(Path.Combine(SharedData.RepositoryRoot, "huawu"), [.. arguments, "--config", configuration, "--data", data],
            redirectInput: input is not null);
        if (input is not null) await verb.WriteLineAsync(input);
        var exitCode = await verb.WaitForExitAsync(Patience);
        return exitCode == 0 ? verb.Output : throw new InvalidOperationException($"A node verb failed (exit code {exitCode}).\n{verb.Describe()}");
    }
}
