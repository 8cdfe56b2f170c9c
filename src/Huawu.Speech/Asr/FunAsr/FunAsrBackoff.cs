namespace Huawu.Speech.Asr.FunAsr;

/// <summary>
/// The reconnect policy shared by a FunASR engine's sessions. Each session opens its own connection (the protocol
/// is one stream per connection); once a connection fails or is lost, sessions fail at once, without trying, until
/// a wait has passed that doubles with each further failure up to a ceiling. The first session after the wait
/// tries again, and its success clears the record. A call whose recognizer is down is better told immediately (it
/// can fall back to DTMF or another engine) than made to wait on connection timeouts.
/// </summary>
internal sealed class FunAsrBackoff(TimeProvider time, TimeSpan initial, TimeSpan maximum)
{
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _retryAt;
    private string _lastError = "";

    /// <summary>Whether a session may try to connect now; if not, the reason and when it may.</summary>
    public bool MayConnect(out string reason)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_failures == 0 || now >= _retryAt)
            {
                reason = "";
                return true;
            }
            reason = $"{_failures} failed attempt(s), the last: {_lastError}; the next attempt in {(_retryAt - now).TotalSeconds:0.#} s";
            return false;
        }
    }

    public void RecordFailure(string error)
    {
        lock (_gate)
        {
            _failures++;
            var wait = initial * Math.Pow(2, Math.Min(_failures - 1, 30));
            _retryAt = time.GetUtcNow() + (wait > maximum ? maximum : wait);
            _lastError = error;
        }
    }

    public void RecordSuccess()
    {
        lock (_gate) _failures = 0;
    }
}
