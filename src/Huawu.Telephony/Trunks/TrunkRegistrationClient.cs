using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Trunks;

/// <summary>
/// Keeps one trunk registered with its carrier (RFC 3261 §10.2): registers, answers 401/407, raises the interval
/// on 423, refreshes when <see cref="TrunkClientOptions.RefreshFraction"/> of the granted time has passed, backs
/// off after failures, and removes the binding on stop. Thread-safe: the timer, responses and Stop may come from
/// different threads; state changes happen under one lock and events are raised there, in order.
/// </summary>
internal sealed partial class TrunkRegistrationClient : IDisposable
{
    private readonly TrunkOptions _trunk;
    private readonly TrunkClientOptions _options;
    private readonly ISipRequestSender _sender;
    private readonly TimeProvider _time;
    private readonly Action<TrunkEvent> _onEvent;
    private readonly TrunkRequests _requests;
    private readonly TrunkAuthenticator _authenticator;
    private readonly string _callId;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private uint _cseq;
    private int _expires;
    private int _failures;
    // Bumped by Stop: an exchange still running for an older generation drops its result.
    private int _generation;
    private bool _started;
    private bool _stopped;
    private DateTimeOffset? _registeredUntil;
    private TrunkRegistrationState _state;
    private int? _lastStatusCode;

    public TrunkRegistrationClient(TrunkOptions trunk, TrunkClientOptions options, ISipRequestSender sender, TimeProvider time, Action<TrunkEvent> onEvent)
    {
        _trunk = trunk;
        _options = options;
        _sender = sender;
        _time = time;
        _onEvent = onEvent;
        _requests = new TrunkRequests(trunk, options);
        _authenticator = new TrunkAuthenticator(trunk);
        _callId = SipIdentifiers.NewCallId(options.LocalHost);
        _expires = trunk.RegisterExpirySeconds;
        _timer = time.CreateTimer(static state => ((TrunkRegistrationClient)state!).BeginAttempt(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TrunkRegistrationState State
    {
        get { lock (_gate) return _state; }
    }

    /// <summary>The last final status the carrier sent, or null when the last attempt got none.</summary>
    public int? LastStatusCode
    {
        get { lock (_gate) return _lastStatusCode; }
    }

    /// <summary>Sends the first REGISTER now.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started) return;
            _started = true;
        }
        BeginAttempt();
    }

    /// <summary>Stops refreshing and, while a registration is in force, removes it (Expires: 0, RFC 3261 §10.2.2).</summary>
    public async Task StopAsync()
    {
        int generation;
        bool registered;
        lock (_gate)
        {
            if (_stopped) return;
            _stopped = true;
            generation = ++_generation;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            registered = _registeredUntil > _time.GetUtcNow();
        }
        var result = registered ? await ExchangeAsync(generation, removing: true).ConfigureAwait(false) : null;
        lock (_gate)
        {
            _registeredUntil = null;
            Report(TrunkRegistrationState.Unregistered, result?.Outcome.StatusCode ?? _lastStatusCode,
                result is { } r ? "de-registered: " + Describe(r.Outcome, r.Failure) : "stopped", nextAttempt: null);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void BeginAttempt()
    {
        int generation;
        lock (_gate)
        {
            if (_stopped) return;
            generation = _generation;
        }
        _ = AttemptAsync(generation);
    }

    private async Task AttemptAsync(int generation)
    {
        if (await ExchangeAsync(generation, removing: false).ConfigureAwait(false) is not var (outcome, failure)) return;
        lock (_gate)
        {
            if (generation != _generation) return;
            if (failure is null && outcome.Response is { StatusCode: >= 200 and < 300 } response) OnRegistered(response);
            else OnFailed(outcome, failure);
        }
    }

    /// <summary>
    /// Sends a REGISTER and re-sends it straight away as long as that can help: with credentials after 401/407
    /// (one answer per challenge, see <see cref="TrunkAuthenticator"/>), with a longer interval after 423 (§10.2.8).
    /// Null when Stop overtook the exchange. <c>Failure</c> explains a challenge that could not be answered.
    /// </summary>
    private async Task<(SipRequestOutcome Outcome, string? Failure)?> ExchangeAsync(int generation, bool removing)
    {
        DigestCredentials? credentials = null;
        for (var round = 0; ; round++)
        {
            SipMessageBuilder request;
            lock (_gate)
            {
                if (generation != _generation) return null;
                // RFC 3261 §22.3: a refresh carries credentials for the realm answered before, sparing a round trip.
                if (credentials is null && _authenticator.TryAuthorize(SipMethod.Register, _requests.RequestUri, out var preemptive)) credentials = preemptive;
                request = _requests.Register(_callId, ++_cseq, removing ? 0 : _expires, credentials);
            }
            var outcome = await _sender.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                if (generation != _generation) return null;
                if (outcome.Response is not { } response || round == _options.MaxImmediateRetries) return (outcome, null);
                if (response.StatusCode is 401 or 407)
                {
                    var answer = _authenticator.Respond(response, _requests.RequestUri);
                    if (!answer.IsAuthorized) return (outcome, answer.FailureReason);
                    credentials = answer.Credentials;
                    continue;
                }
                // RFC 3261 §10.2.8: retry with at least Min-Expires; a 423 that asks for no more is not retried.
                if (response.StatusCode == 423 && !removing && ReadSeconds(response, HeaderId.MinExpires) is { } minimum && minimum > _expires)
                {
                    _expires = (int)Math.Min(minimum, int.MaxValue);
                    credentials = null;
                    continue;
                }
                return (outcome, null);
            }
        }
    }
}
