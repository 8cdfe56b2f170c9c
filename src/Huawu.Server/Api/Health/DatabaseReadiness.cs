using Huawu.Data;

namespace Huawu.Server.Api.Health;

/// <summary>Ready when the database answers a query now.</summary>
internal sealed class DatabaseReadiness(DataStore store) : IReadinessCheck
{
    public string Name => "database";

    public async Task<string?> ProblemAsync(CancellationToken cancellation) =>
        await store.IsReachableAsync(cancellation) ? null : $"the {store.Provider.ToString().ToLowerInvariant()} database does not answer";
}
