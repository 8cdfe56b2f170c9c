namespace Huawu.ContactCenter.Acd;

/// <summary>Where an agent (a user) takes calls: the extension set with <c>huawu user add --extension</c>.</summary>
public interface IAgentDirectory
{
    /// <summary>The agent's extension, or null when the user does not exist or has none.</summary>
    Task<string?> ExtensionOfAsync(string userName, CancellationToken cancellation);
}
