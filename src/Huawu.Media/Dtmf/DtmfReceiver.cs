namespace Huawu.Media.Dtmf;

/// <summary>
/// Turns received telephone-event packets into digits, one per event (RFC 4733 §2.5.2). An event is known by
/// its RTP timestamp (§2.5.1.2: every packet of an event carries the timestamp of its start), so duplicates,
/// updates and the three end packets (§2.5.1.4) of one event yield one digit, while a new timestamp is a new
/// digit even for the same key. The digit is reported on the first packet heard, so a lost start packet
/// does not lose the digit; packets of an older event arriving late are ignored.
/// </summary>
internal sealed class DtmfReceiver
{
    private bool _hasEvent;
    private uint _eventTimestamp;

    /// <summary>Processes one telephone-event payload; true when it starts a new digit.</summary>
    public bool TryProcess(uint rtpTimestamp, ReadOnlySpan<byte> payload, out DtmfDigit digit)
    {
        digit = default;
        if (!TelephoneEvent.TryRead(payload, out var telephoneEvent)) return false;
        if (_hasEvent)
        {
            // Serial-number comparison so the 32-bit timestamp may wrap.
            var age = (int)(rtpTimestamp - _eventTimestamp);
            // An older event's late packet, or another packet (update, end, duplicate) of the current one.
            if (age <= 0) return false;
        }
        _hasEvent = true;
        _eventTimestamp = rtpTimestamp;
        if (!DtmfDigits.TryGetKey(telephoneEvent.EventCode, out var key)) return false;
        digit = new DtmfDigit(key, rtpTimestamp);
        return true;
    }

    /// <summary>Forgets the event history, for a new SSRC (its timestamps are unrelated).</summary>
    public void Reset()
    {
        _hasEvent = false;
    }
}
