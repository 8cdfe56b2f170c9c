using Huawu.Media.Dtmf;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Dtmf;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// DTMF both ways: keys from the far end (RFC 4733 events, SIP INFO) to CTI and the collector; keys we send.
internal sealed partial class CallLeg
{
    // RFC 4733 §2.5.1.3 leaves the duration to the sender; 100 ms is what phones send and every receiver detects.
    private static readonly TimeSpan EventDuration = TimeSpan.FromMilliseconds(100);

    private void OnDtmf(char key, DtmfMethod method)
    {
        if (IsEnded) return;
        Logger.LogDebug("Call {CallId}: DTMF {Key} by {Method}", Id, key, method);
        Publish(new DtmfReceived(Id, Now, key, method));
        _dtmf.OnKey(key);
        _attachment?.OnDtmf(this, key);
    }

    public Task<DtmfCollection> CollectDtmfAsync(DtmfCollectOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return InMailboxAsync(() => _dtmf.Collect(options, cancellationToken));
    }

    public Task<bool> SendDtmfAsync(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return InMailboxAsync(() => SendDtmf(digits));
    }

    private async Task<bool> SendDtmf(string digits)
    {
        if (!IsUp || _media is not { IsFlowing: true } media || digits.Length == 0) return false;
        if (!digits.All(key => DtmfDigits.TryGetEventCode(key, out _))) return false;
        if (media.HasTelephoneEvents)
        {
            // Queued in order; the stream plays them one after another with a gap between (RFC 4733 §2.5.1).
            return digits.All(key => media.Stream.TrySendDtmf(key, EventDuration));
        }
        InbandDtmfSource.TryCreate(digits, out var tones);
        var played = await Play(tones!, CancellationToken.None);
        return played.End == PlaybackEnd.Completed;
    }
}
