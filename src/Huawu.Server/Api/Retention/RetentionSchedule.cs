using Huawu.Data;
using Huawu.Data.Retention;

namespace Huawu.Server.Api.Retention;

/// <summary>Runs the retention purge on its schedule while the node runs, and logs each pass.</summary>
internal sealed class RetentionSchedule(DataStore store, ILogger<RetentionSchedule> logger) : IHostedService, IAsyncDisposable
{
    private RetentionPurgeService? _service;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _service = new RetentionPurgeService(store);
        _service.Completed += Report;
        _service.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_service is null) return;
        _service.Completed -= Report;
        await _service.DisposeAsync();
        _service = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void Report(object? sender, PurgeCompletedEventArgs pass)
    {
        if (pass.Error is { } error) logger.LogError(error, "The retention purge failed; it runs again at the next interval");
        else logger.LogInformation("Retention purge: {Report}", pass.Report);
    }
}
