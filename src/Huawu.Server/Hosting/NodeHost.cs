using Huawu.Server.Api;
using Huawu.Server.Cli;
using Huawu.Server.Configuration;

namespace Huawu.Server.Hosting;

/// <summary>Builds and runs one node: the ASP.NET Core host with the telephony engine as a hosted service.</summary>
internal static class NodeHost
{
    public static async Task<int> RunAsync(ServerConfiguration configuration, CancellationToken cancellation)
    {
        Directory.CreateDirectory(configuration.Data);
        if (await ApiStore.OpenAsync(configuration, cancellation) is not { } store) return CliErrors.Failure;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{configuration.Http.Address}:{configuration.Http.Port}");
        builder.Services.AddSingleton(configuration);
        builder.Services.AddHuawuApi(configuration, store);
        var app = builder.Build();
        app.MapHuawuApi();
        await app.RunAsync(cancellation);
        return 0;
    }
}
