using System.Collections.Concurrent;
using System.Data.Common;
using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance;
using Huawu.Data;
using Huawu.Data.Campaigns;
using Huawu.Telephony.Calls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Huawu.ContactCenter.Dialing;

/// <summary>
/// The node's dialer: one loop (the campaigns' serialized unit of work) that, every tick or whenever a call ends, gives each running
/// campaign — highest priority first, inside its schedule — the calls its pacing allows within its concurrency and its trunks' rates,
/// claiming due numbers from the store's queue. Each claimed number goes through the compliance gate, which writes the attempt (status
/// dialing, with the call's id) before the INVITE; the outcome and the number's next due time are settled in one transaction. At start,
/// what a crash left in flight is settled from the call records first (<see cref="Recovery"/>), so no attempt is dialled twice or lost.
/// </summary>
public sealed partial class Dialer : IAsyncDisposable
{
    private readonly DataStore _store;
    private readonly ICallControl _calls;
    private readonly IComplianceGate _gate;
    private readonly IAnsweredCallHandler _handler;
    private readonly IPacingStrategy _pacing;
    private readonly DialerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ICampaignObserver? _observer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<long, InFlightCount> _inFlight = new();
    private readonly ConcurrentDictionary<Task, byte> _calling = new();
    private List<CampaignRun> _runs = [];
    private DateTimeOffset _campaignsReadAt = DateTimeOffset.MinValue;
    private Task _loop = Task.CompletedTask;

    public Dialer(DataStore store, ICallControl calls, IComplianceGate gate, IAnsweredCallHandler handler, DialerOptions options, TimeProvider time,
        ILogger<Dialer>? logger = null, ICampaignObserver? observer = null, IPacingStrategy? pacing = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        (_store, _calls, _gate, _handler, _options, _time) = (store, calls, gate, handler, options, time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _observer = observer;
        _pacing = pacing ?? RobotPacing.Instance;
    }

    /// <summary>Calls this node has in progress, all campaigns together.</summary>
    public int CallsInProgress => _calling.Count;

    /// <summary>Settles what a previous run of this node left in flight, then starts dialing.</summary>
    public async Task StartAsync(CancellationToken cancellation = default)
    {
        await new Recovery(this).RunAsync(cancellation);
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops placing calls and waits (until <paramref name="cancellation"/>) for the calls in progress to be settled.</summary>
    public async Task StopAsync(CancellationToken cancellation = default)
    {
        await _stopping.CancelAsync();
        await _loop;
        try
        {
            await Task.WhenAll(_calling.Keys).WaitAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _logger.LogWarning("Dialer stopped with {Calls} calls unsettled; they are settled from their call records at the next start", _calling.Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested) await StopAsync(CancellationToken.None);
        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stopping);
            }
            catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException && !stopping.IsCancellationRequested)
            {
                // The store is unreachable or busy: nothing was dialled without its attempt; try again next tick.
                _logger.LogError(e, "Dialer tick failed; retrying");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await Task.WhenAny(_wake.WaitAsync(stopping), Task.Delay(_options.Tick, _time, stopping));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task TickAsync(CancellationToken stopping)
    {
        var now = _time.GetUtcNow();
        if (now - _campaignsReadAt >= _options.CampaignPoll) await ReadCampaignsAsync(now, stopping);
        foreach (var run in _runs)
        {
            if (!run.IsScheduled(now)) continue;
            var wanted = Math.Min(_pacing.CallsToPlace(new PacingSnapshot(run.InFlight.Value, run.Settings.Limits.MaxConcurrent)), run.CallsAllowedNow);
            if (wanted > 0)
            {
                foreach (var contact in await _store.CampaignQueue.ClaimDueAsync(run.Id, now, wanted, _options.NodeId, stopping))
                {
                    if (run.TakeTrunk() is not { } trunk)
                    {
                        // The buckets counted 'wanted' tokens a moment ago; should one have gone, the number waits for the next tick.
                        await _store.CampaignQueue.ReleaseAsync(run.Id, contact.ContactId, new QueueRelease(QueueState.Pending, now, null, false), stopping);
                        continue;
                    }
                    run.InFlight.Increment();
                    Track(AttemptAsync(run, contact, trunk));
                }
            }
            await ReportProgressAsync(run, now, stopping);
        }
    }

    private async Task ReadCampaignsAsync(DateTimeOffset now, CancellationToken stopping)
    {
        _campaignsReadAt = now;
        var running = await _store.Campaigns.ListByStatusAsync(CampaignStatus.Running, stopping);
        var runs = new List<CampaignRun>(running.Count);
        foreach (var campaign in running)
        {
            // A campaign keeps its run (trunk turns, rate buckets) while it stays running; settings changes apply when it is resumed.
            if (_runs.Find(r => r.Id == campaign.Id) is { } existing)
            {
                runs.Add(existing);
                continue;
            }
            if (CampaignSettings.FromJson(campaign.Settings, out var error) is not { } settings)
            {
                _logger.LogError("Campaign {Campaign}: its settings cannot be read ({Error}); not dialing it", campaign.Name, error);
                continue;
            }
            var zones = new Dictionary<long, string?>();
            foreach (var listId in campaign.ListIds) zones[listId] = (await _store.Contacts.GetListAsync(listId, stopping))?.TimeZone;
            runs.Add(new CampaignRun(campaign, settings, zones, _inFlight.GetOrAdd(campaign.Id, _ => new InFlightCount()), _options.DefaultZone, _time));
            _logger.LogInformation("Campaign {Campaign} ({Id}): dialing on this node", campaign.Name, campaign.Id);
        }
        _runs = runs;
    }

    private async Task ReportProgressAsync(CampaignRun run, DateTimeOffset now, CancellationToken stopping)
    {
        if (now - run.ProgressReportedAt < _options.ProgressInterval) return;
        run.ProgressReportedAt = now;
        var counts = await _store.CampaignQueue.CountsAsync(run.Id, now, stopping);
        _observer?.OnEvent(new CampaignProgress(run.Id, now, counts, run.InFlight.Value));
        if (counts.Pending == 0 && counts.Dialing == 0 && run.InFlight.Value == 0 &&
            await _store.Campaigns.ChangeStatusAsync(run.Id, [CampaignStatus.Running], CampaignStatus.Completed, stopping))
        {
            _logger.LogInformation("Campaign {Campaign} ({Id}): every number is done", run.Campaign.Name, run.Id);
            _observer?.OnEvent(new CampaignStatusChanged(run.Id, now, CampaignStatus.Completed));
            _campaignsReadAt = DateTimeOffset.MinValue;
        }
    }

    private void Track(Task call)
    {
        _calling.TryAdd(call, 0);
        call.ContinueWith(done =>
        {
            _calling.TryRemove(done, out _);
            _wake.Release();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
