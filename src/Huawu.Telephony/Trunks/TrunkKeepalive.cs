using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Trunks;

/// <summary>
/// OPTIONS keepalive for one trunk (RFC 3261 §11): a probe every <see cref="TrunkOptions.OptionsIntervalSeconds"/>.
/// Any final response makes the trunk Up — a 404 or 407 proves it is there as well as a 200 does — and
/// <see cref="TrunkClientOptions.KeepaliveFailuresForDown"/> probes in a row without one make it Down. Only changes
/// are reported. One probe at a time: a tick that finds the previous probe unanswered (a transaction can outlive
/// the interval) is skipped.
/// </summary>
internal sealed class TrunkKeepalive : IDisposable
{
    private readonly TrunkOptions _trunk;
    private readonly TrunkClientOptions _options;
    private readonly ISipRequestSender _sender;
    private readonly TimeProvider _time;
    private readonly Action<TrunkEvent> _onEvent;
    private readonly TrunkRequests _requests;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private bool _probing;
    private bool _stopped;
    private int _misses;
    private TrunkHealth _health;

    public TrunkKeepalive(TrunkOptions trunk, TrunkClientOptions options, ISipRequestSender sender, TimeProvider time, Action<TrunkEvent> onEvent)
    {
        _trunk = trunk;
        _options = options;
        _sender = sender;
        _time = time;
        _onEvent = onEvent;
        _requests = new TrunkRequests(trunk, options);
        _timer = time.CreateTimer(static state => ((TrunkKeepalive)state!).Probe(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TrunkHealth Health
    {
        get { lock (_gate) return _health; }
    }

    /// <summary>Probes now, then every interval; does nothing when the interval is 0 (keepalives off).</summary>
    public void Start()
    {
        if (_trunk.OptionsIntervalSeconds <= 0) return;
        var interval = TimeSpan.FromSeconds(_trunk.OptionsIntervalSeconds);
        _timer.Change(interval, interval);
        Probe();
    }

    public void Stop()
    {
        lock (_gate) _stopped = true;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer.Dispose();

    private void Probe()
    {
        lock (_gate)
        {
            if (_probing || _stopped) return;
            _probing = true;
        }
        _ = ProbeAsync();
    }

    private async Task ProbeAsync()
    {
        var outcome = await _sender.SendAsync(_requests.Options(), CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            _probing = false;
            if (_stopped) return;
            if (outcome.Response is { } response)
            {
                _misses = 0;
                Change(TrunkHealth.Up, response.StatusCode, $"answered {response.StatusCode} {response.ReasonPhrase}");
            }
            else if (++_misses >= _options.KeepaliveFailuresForDown)
            {
                var what = outcome.Kind == SipRequestOutcomeKind.Timeout ? "timed out" : "failed in transport";
                Change(TrunkHealth.Down, null, $"{_misses} probes in a row {what}");
            }
        }
    }

    private void Change(TrunkHealth health, int? statusCode, string reason)
    {
        if (health == _health) return;
        _health = health;
        _onEvent(new TrunkHealthChanged(_trunk.Name, _time.GetUtcNow(), health, statusCode, reason));
    }
}
