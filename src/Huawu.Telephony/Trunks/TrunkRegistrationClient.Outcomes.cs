using System.Globalization;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Uris;

namespace Huawu.Telephony.Trunks;

// What a finished exchange means for the registration: refresh later, or back off and try again.
internal sealed partial class TrunkRegistrationClient
{
    /// <summary>Granted: refresh at a fraction of the granted time, so a lost refresh still has time for retries.</summary>
    private void OnRegistered(SipMessage response)
    {
        var granted = GrantedSeconds(response);
        if (granted <= 0)
        {
            OnFailed(SipRequestOutcome.Answered(response), "the registrar granted no time");
            return;
        }
        var now = _time.GetUtcNow();
        _failures = 0;
        _registeredUntil = now.AddSeconds(granted);
        var refreshIn = TimeSpan.FromSeconds(Math.Max(1, granted * _options.RefreshFraction));
        _timer.Change(refreshIn, Timeout.InfiniteTimeSpan);
        if (_state != TrunkRegistrationState.Registered)
        {
            Report(TrunkRegistrationState.Registered, response.StatusCode, $"registered for {granted} s", now + refreshIn);
        }
        _lastStatusCode = response.StatusCode;
    }

    /// <summary>Failed: try again after a back-off that doubles with each failure (or after Retry-After).</summary>
    private void OnFailed(SipRequestOutcome outcome, string? failure)
    {
        _failures++;
        var retryAfter = outcome.Response is { } response && ReadSeconds(response, HeaderId.RetryAfter) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        var delay = _options.RetryDelay(_failures, retryAfter);
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
        Report(TrunkRegistrationState.Failed, outcome.StatusCode, Describe(outcome, failure), _time.GetUtcNow() + delay);
    }

    private void Report(TrunkRegistrationState state, int? statusCode, string reason, DateTimeOffset? nextAttempt)
    {
        _state = state;
        _lastStatusCode = statusCode;
        var now = _time.GetUtcNow();
        var until = _registeredUntil > now ? _registeredUntil : null;
        _onEvent(new TrunkRegistrationChanged(_trunk.Name, now, state, statusCode, reason, until, nextAttempt));
    }

    /// <summary>
    /// RFC 3261 §10.2.4: the interval granted is the expires parameter of our Contact in the 200, else its Expires
    /// header, else what we asked for.
    /// </summary>
    private int GrantedSeconds(SipMessage response)
    {
        var ours = SipUri.Parse(_requests.ContactUri);
        foreach (var contact in response.Contacts)
        {
            if (!SipUriEquivalence.AreEquivalent(contact.Uri, ours)) continue;
            if (long.TryParse(contact.Parameters.GetValue("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var granted))
            {
                return (int)Math.Min(granted, int.MaxValue);
            }
        }
        return response.Expires is { } expires ? (int)Math.Min(expires, int.MaxValue) : _expires;
    }

    /// <summary>The leading delta-seconds of Min-Expires or Retry-After (RFC 3261 §20.23, §20.33: "120 (comment);duration=60").</summary>
    private static long? ReadSeconds(SipMessage response, HeaderId id)
    {
        if (!response.TryGetHeader(id, out var header)) return null;
        var value = header.Value;
        var digits = value.TakeWhile(char.IsAsciiDigit).Count();
        return digits is > 0 and <= 10 ? long.Parse(value.AsSpan(0, digits), CultureInfo.InvariantCulture) : null;
    }

    private static string Describe(SipRequestOutcome outcome, string? failure)
    {
        var what = outcome.Response is { } response ? $"{response.StatusCode} {response.ReasonPhrase}"
            : outcome.Kind == SipRequestOutcomeKind.Timeout ? "no response (timeout)"
            : "transport error";
        return failure is null ? what : what + ": " + failure;
    }
}
