using Huawu.Data;

namespace Huawu.Server.Accounts;

/// <summary>
/// Deletes sessions a day after they ended or expired (they can never be used again), every hour on the injected
/// clock, so the table holds live sessions and recent history only.
/// </summary>
internal sealed class SessionSweeper(DataStore store, TimeProvider time, ILogger<SessionSweeper> logger) : IHostedService, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(1);

    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(_ => _ = SweepAsync(), null, Interval, Interval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null) await _timer.DisposeAsync();
        _timer = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    internal async Task SweepAsync()
    {
        try
        {
            var deleted = await store.Sessions.PurgeAsync(time.GetUtcNow() - KeptAfterEnd);
            if (deleted > 0) logger.LogInformation("Deleted {Count} ended sessions", deleted);
        }
        catch (System.Data.Common.DbException e)
        {
            // A timer has no caller to throw to: report it, try again next hour.
            logger.LogWarning(e, "Could not delete ended sessions");
        }
    }
}
