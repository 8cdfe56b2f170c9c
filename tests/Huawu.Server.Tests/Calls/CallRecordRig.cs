using Huawu.Data;
using Huawu.Data.Calls;
using Huawu.Data.Keys;
using Huawu.Data.Storage;
using Huawu.Server.Calls;
using Huawu.Server.Configuration;
using Huawu.Server.Tests.Api.Support;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Testing;
using Microsoft.Extensions.Logging;

namespace Huawu.Server.Tests.Calls;

/// <summary>
/// The call-record service over a fresh SQLite store in its own data directory, on fake time, fed by a CTI event hub (or
/// a real engine's) — started, stopped and restarted as a node would be. Extensions 1001-1003 are configured.
/// </summary>
internal sealed class CallRecordRig : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServerConfiguration _configuration;
    private readonly LoggerFactory _loggers;
    private CallRecordService? _service;

    private CallRecordRig(string directory, DataStore store, ManualTimeProvider time, ICallControl calls, ServerConfiguration configuration)
    {
        _directory = directory;
        Store = store;
        Time = time;
        Calls = calls;
        _configuration = configuration;
        _loggers = new LoggerFactory([Logs]);
    }

    public DataStore Store { get; }

    public ManualTimeProvider Time { get; }

    public ICallControl Calls { get; }

    public CtiEventHub Hub => Calls.Events;

    public CapturedLogs Logs { get; } = new();

    public string Data => _directory;

    /// <param name="calls">The engine to follow; default a bare event hub the test publishes to.</param>
    public static async Task<CallRecordRig> StartAsync(Action<ServerConfiguration>? configure = null, ICallControl? calls = null,
        ManualTimeProvider? time = null)
    {
        var directory = Directory.CreateTempSubdirectory("huawu-calls-").FullName;
        time ??= new ManualTimeProvider();
        var opened = await DataStore.OpenAsync(new DataStoreOptions(directory, new DatabaseOptions()), KeyRing.Generate(time), time);
        var configuration = new ServerConfiguration
        {
            Data = directory,
            Extensions = [new ExtensionOptions { Number = "1001" }, new ExtensionOptions { Number = "1002" }, new ExtensionOptions { Number = "1003" }],
        };
        configure?.Invoke(configuration);
        var rig = new CallRecordRig(directory, opened.Store ?? throw new InvalidOperationException(opened.Error), time,
            calls ?? new HubOnlyCalls(new CtiEventHub()), configuration);
        await rig.StartServiceAsync();
        return rig;
    }

    public void Publish(params CtiEvent[] events)
    {
        foreach (var cti in events) Hub.Publish(cti);
    }

    /// <summary>Stops the service as the host does at shutdown (draining), within <paramref name="patience"/>.</summary>
    public async Task StopAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(30));
        await _service!.StopAsync(timeout.Token);
        _service.Dispose();
        _service = null;
    }

    /// <summary>Abandons the service without stopping it, as a crash would: nothing drains, nothing is closed.</summary>
    public void Crash()
    {
        _service!.Dispose();
        _service = null;
    }

    /// <summary>A new run of the service on the same store and data directory.</summary>
    public async Task StartServiceAsync()
    {
        _service = new CallRecordService(Store, Calls, _configuration, _loggers.CreateLogger<CallRecordService>());
        await _service.StartAsync(CancellationToken.None);
    }

    public async Task<CallRecord> CallAsync(string uuid) =>
        await Store.Calls.FindByUuidAsync(uuid) ?? throw new InvalidOperationException($"no record of call {uuid}");

    public async Task<IReadOnlyList<CallRecord>> AllCallsAsync() => await Store.Calls.PageAsync(CallScope.All, null, 1000);

    /// <summary>Waits (bounded) until the store has what <paramref name="condition"/> looks for.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Still not stored after 10 s: {what}\n{string.Join('\n', Logs.Lines)}");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null) await StopAsync();
        await Store.DisposeAsync();
        _loggers.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
