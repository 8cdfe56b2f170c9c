using Huawu.Data;
using Huawu.Server.Cli;
using Huawu.Server.Configuration;

namespace Huawu.Server.Api;

/// <summary>Opens the node's data store from its configuration (keys created on first use), or reports why not on standard error.</summary>
internal static class ApiStore
{
    public static async Task<DataStore?> OpenAsync(ServerConfiguration configuration, CancellationToken cancellation)
    {
        if (DataSetup.ForConfiguration(configuration, out var errors) is { } setup) return await setup.OpenAsync(cancellation);
        CliErrors.Report(errors);
        return null;
    }
}
