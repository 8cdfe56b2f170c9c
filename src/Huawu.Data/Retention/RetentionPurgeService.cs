namespace Huawu.Data.Retention;

/// <summary>
/// Enforces the retention policies in the background: a pass every <see cref="Interval"/> on the store's
/// <see cref="TimeProvider"/> (so tests drive it with fake time). Passes never overlap; a failed pass is
/// reported through <see cref="Completed"/> and retried at the next tick.
/// </summary>
public sealed class RetentionPurgeService : IAsyncDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    private readonly RetentionPurge _purge;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private Task _current = Task.CompletedTask;
    private int _running;

    public RetentionPurgeService(DataStore store, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _purge = new RetentionPurge(store);
        _time = store.Context.Time;
        Interval = interval ?? DefaultInterval;
    }

    public TimeSpan Interval { get; }

    /// <summary>Raised after every scheduled pass, on a thread-pool thread.</summary>
    public event EventHandler<PurgeCompletedEventArgs>? Completed;

    /// <summary>Starts the schedule: the first pass runs one interval from now.</summary>
    public void Start() => _timer ??= _time.CreateTimer(_ => OnTick(), null, Interval, Interval);

    /// <summary>Runs a pass now (the CLI, an admin's "purge now").</summary>
    public Task<PurgeReport> RunOnceAsync(CancellationToken cancellation = default) => _purge.RunAsync(cancellation);

    private void OnTick()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1) return;
        _current = Task.Run(async () =>
        {
            PurgeCompletedEventArgs outcome;
            try
            {
                outcome = new PurgeCompletedEventArgs(await _purge.RunAsync(_stopping.Token), null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A background pass has no caller to throw to: report it, keep the schedule.
                outcome = new PurgeCompletedEventArgs(null, e);
            }
            finally
            {
                // Open for the next tick before anyone hears of this pass, so a tick during the report is not lost.
                Volatile.Write(ref _running, 0);
            }
            Completed?.Invoke(this, outcome);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null) await _timer.DisposeAsync();
        await _stopping.CancelAsync();
        try
        {
            await _current;
        }
        catch (OperationCanceledException)
        {
            // Stopping mid-pass is fine: every batch is its own transaction.
        }
        _stopping.Dispose();
    }
}
