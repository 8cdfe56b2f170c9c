using Huawu.Data;

namespace Huawu.ContactCenter.Acd;

/// <summary>Agents' extensions from the store (the <c>agents</c> and <c>extensions</c> tables).</summary>
public sealed class StoreAgentDirectory(DataStore store) : IAgentDirectory
{
    public Task<string?> ExtensionOfAsync(string userName, CancellationToken cancellation) => store.Agents.FindExtensionOfUserAsync(userName, cancellation);
}
