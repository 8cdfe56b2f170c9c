using System.Net.Http.Headers;
using Huawu.Data;
using Huawu.Data.Keys;
using Huawu.Data.Storage;
using Huawu.Server.Accounts;
using Huawu.Server.Api;
using Huawu.Server.Configuration;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Huawu.Server.Tests.Api.Support;

/// <summary>
/// The API as <c>huawu serve</c> composes it (<see cref="HuawuApi"/>), on the in-memory test server, over a fresh
/// SQLite store in its own data directory, on fake time, with the world of <see cref="ApiWorld"/> seeded.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly string _directory;

    private ApiHost(WebApplication app, DataStore store, ManualTimeProvider time, CtiEventHub cti, string directory, ApiWorld world)
    {
        App = app;
        Store = store;
        Time = time;
        Cti = cti;
        _directory = directory;
        World = world;
    }

    public WebApplication App { get; }

    public DataStore Store { get; }

    public ManualTimeProvider Time { get; }

    public CtiEventHub Cti { get; }

    public ApiWorld World { get; }

    /// <summary>Everything the host logged, at every level.</summary>
    public required CapturedLogs Logs { get; init; }

    public TestServer Server => (TestServer)App.Services.GetRequiredService<IServer>();

    /// <param name="extraEndpoints">Endpoints a test adds after the API's own (a handler that throws, one that declares nothing).</param>
    /// <param name="services">Registrations a test adds before the API's own (a readiness check of its own).</param>
    public static async Task<ApiHost> StartAsync(Action<AccountOptions>? accounts = null, IPasswordVerifier? passwords = null,
        Action<WebApplication>? extraEndpoints = null, Action<IServiceCollection>? services = null)
    {
        var directory = Directory.CreateTempSubdirectory("huawu-api-").FullName;
        var time = new ManualTimeProvider();
        var opened = await DataStore.OpenAsync(new DataStoreOptions(directory, new DatabaseOptions()), KeyRing.Generate(time), time);
        var store = opened.Store ?? throw new InvalidOperationException(opened.Error);
        // One trunk, so campaigns (which name the trunks they dial through) can be created.
        var configuration = new ServerConfiguration { Data = directory, Trunks = [new TrunkOptions { Name = ApiWorld.Trunk, Host = "127.0.0.1", Port = 5099 }] };
        accounts?.Invoke(configuration.Accounts);
        var cti = new CtiEventHub();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(cti);
        if (passwords is not null) builder.Services.AddSingleton(passwords);
        services?.Invoke(builder.Services);
        builder.Services.AddHuawuApi(configuration, store);
        var app = builder.Build();
        app.MapHuawuApi();
        extraEndpoints?.Invoke(app);
        await app.StartAsync();
        var world = await ApiWorld.SeedAsync(store, app.Services.GetRequiredService<IPasswordVerifier>(), time);
        return new ApiHost(app, store, time, cti, directory, world) { Logs = logs };
    }

    /// <summary>A client with no credentials, or with an API token.</summary>
    public HttpClient Client(string? bearer = null)
    {
        var client = Server.CreateClient();
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>A client signed in (by API token) as one of the world's users.</summary>
    public HttpClient ClientFor(string username) => Client(World.TokenOf(username));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync(); // disposes the store with the container
        Directory.Delete(_directory, recursive: true);
    }
}
