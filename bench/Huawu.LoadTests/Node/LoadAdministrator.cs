namespace Huawu.LoadTests.Node;

/// <summary>The administrator a load run adds to a fresh node (<c>huawu user add</c>) to read and drive it through the API.</summary>
internal static class LoadAdministrator
{
    public const string Name = "load", Password = "load-run-password";

    /// <summary>Adds the administrator with the node's verb, before it serves.</summary>
    public static Task AddAsync(NodeCli cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        return cli.RunAsync(["user", "add", Name, "--role", "admin"], Password);
    }

    public static Task<NodeApi> SignInAsync(HuawuNode node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        return NodeApi.SignInAsync(node.HttpAddress, Name, Password, cancellationToken);
    }
}
