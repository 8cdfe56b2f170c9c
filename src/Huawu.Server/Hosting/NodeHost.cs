using Huawu.ContactCenter.Acd;
using Huawu.Robot.Runtime;
using Huawu.Server.Api;
using Huawu.Server.Api.Health;
using Huawu.Server.Calls;
using Huawu.Server.Campaigns;
using Huawu.Server.Cli;
using Huawu.Server.Configuration;
using Huawu.Server.Speech;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Engine;

namespace Huawu.Server.Hosting;

/// <summary>Builds and runs one node: the ASP.NET Core host with the telephony engine as a hosted service.</summary>
internal static class NodeHost
{
    public static async Task<int> RunAsync(ServerConfiguration configuration, CancellationToken cancellation)
    {
        if (await BuildAsync(configuration, cancellation) is not { } app) return CliErrors.Failure;
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("Huawu node started: HTTP on {Urls}; stop with SIGTERM or Ctrl-C", string.Join(", ", app.Urls)));
        app.Lifetime.ApplicationStopped.Register(() => app.Logger.LogInformation("Huawu node stopped"));
        await app.RunAsync(cancellation);
        return 0;
    }

    /// <summary>The node, built and not started (<c>huawu serve</c> runs it; <c>huawu call</c> starts it for one call); null when its store cannot open (reported).</summary>
    public static async Task<WebApplication?> BuildAsync(ServerConfiguration configuration, CancellationToken cancellation, Action<ILoggingBuilder>? logging = null)
    {
        Directory.CreateDirectory(configuration.Data);
        if (await ApiStore.OpenAsync(configuration, cancellation) is not { } store) return null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{configuration.Http.Address}:{configuration.Http.Port}");
        // Every probe of /healthz would otherwise log five lines; the node's own events stay at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new NodeSpeech(configuration, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(services =>
        {
            var time = services.GetRequiredService<TimeProvider>();
            var engine = new TelephonyEngine(configuration.Telephony, time, services.GetRequiredService<ILoggerFactory>());
            if (configuration.Diagnostics.Parrot is { Extension.Length: > 0 } parrot)
            {
                var handler = new ParrotDiagnostic(parrot, services.GetRequiredService<NodeSpeech>(), store, configuration.CallRecords.StoreDtmfDigits, time,
                    services.GetRequiredService<ILoggerFactory>().CreateLogger("Huawu.Parrot"));
                engine.Diagnostics.Add(parrot.Extension, handler.HandleAsync);
            }
            return engine;
        });
        builder.Services.AddSingleton<ICallControl>(services => services.GetRequiredService<TelephonyEngine>());
        // Before the engine: it closes the calls a crash left open before calls are taken, and drains after the engine stops.
        builder.Services.AddHostedService<CallRecordService>();
        builder.Services.AddHostedService<TelephonyService>();
        // After the engine: it dials once calls can be placed, and stops (its calls settled) before the engine hangs up what is left.
        builder.Services.AddSingleton<CampaignEventFeed>();
        builder.Services.AddSingleton(services =>
        {
            var engine = services.GetRequiredService<TelephonyEngine>();
            return new AutomaticCallDistributor(configuration.Queues.Select(q => q.ToDefinition(configuration.Extensions)), engine,
                new RegistrarPresence(engine), new StoreAgentDirectory(store), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Huawu.Acd"));
        });
        builder.Services.AddSingleton<IHandOffQueues>(services => services.GetRequiredService<AutomaticCallDistributor>());
        builder.Services.AddSingleton<IRobotServicesSource>(services => new NodeRobotServices(configuration, services.GetRequiredService<NodeSpeech>(),
            services.GetRequiredService<ICallControl>(), store, services.GetRequiredService<IHandOffNotifier>(), services.GetRequiredService<IHandOffQueues>(),
            services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<DialerService>();
        builder.Services.AddHostedService<CallEventLog>();
        // The API's live event stream carries the engine's CTI events, and /readyz waits for its SIP listeners.
        builder.Services.AddSingleton(services => services.GetRequiredService<TelephonyEngine>().Events);
        builder.Services.AddSingleton<IReadinessCheck, TelephonyReadiness>();
        builder.Services.AddHuawuApi(configuration, store);
        var app = builder.Build();
        // The ACD watches who is on a call from the first call on, not from the first hand-off.
        app.Services.GetRequiredService<AutomaticCallDistributor>();
        app.MapHuawuApi();
        return app;
    }
}
