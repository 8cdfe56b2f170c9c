using Huawu.Testing.Peers.Wire;

namespace Huawu.LoadTests.Wire;

/// <summary>
/// One direction of one call's RTP as captured, counted as packets arrive (nothing is kept but the sequence numbers
/// seen): packets, sequence numbers never seen (loss, RFC 3550 §6.4.1), the longest silence on the wire, and — for
/// a 20 ms stream whose timestamp follows a media clock — ticks the sender skipped.
/// </summary>
internal sealed class RtpDirection
{
    private readonly uint _timestampUnitsPerPacket;
    private readonly HashSet<long> _seen = [];
    private long _highest = -1, _lowest = long.MaxValue;
    private long _previousSequence = -1;
    private uint _previousTimestamp;
    private DateTimeOffset _previousAt;

    public RtpDirection(uint timestampUnitsPerPacket) => _timestampUnitsPerPacket = timestampUnitsPerPacket;

    public long Packets { get; private set; }

    public long Duplicates { get; private set; }

    /// <summary>Sequence numbers between the first and the last seen that never arrived.</summary>
    public long Lost => Packets == 0 ? 0 : _highest - _lowest + 1 - _seen.Count;

    /// <summary>
    /// Packets that follow their predecessor's sequence number with a timestamp more than one packet later and no
    /// marker bit: the sender's clock ran on without sending (RFC 3551 §4.1: a sender pausing on its own, e.g.
    /// with nothing to send, marks the first packet after the pause instead).
    /// </summary>
    public long SkippedTicks { get; private set; }

    /// <summary>Marked packets after the first: restarts after the sender had nothing to send.</summary>
    public long TalkspurtRestarts { get; private set; }

    /// <summary>The longest time between two consecutive captured packets.</summary>
    public TimeSpan LongestInterval { get; private set; }

    public DateTimeOffset First { get; private set; }

    public DateTimeOffset Last { get; private set; }

    public void Add(in RtpPacket packet, DateTimeOffset at)
    {
        var sequence = Extend(packet.SequenceNumber);
        if (!_seen.Add(sequence))
        {
            Duplicates++;
            return;
        }
        if (Packets == 0) First = at;
        else
        {
            if (packet.Marker) TalkspurtRestarts++;
            if (sequence == _previousSequence + 1 && !packet.Marker)
            {
                var advance = unchecked(packet.Timestamp - _previousTimestamp);
                if (advance > _timestampUnitsPerPacket && advance < int.MaxValue) SkippedTicks += advance / _timestampUnitsPerPacket - 1;
            }
            if (at - _previousAt > LongestInterval) LongestInterval = at - _previousAt;
        }
        Packets++;
        Last = at;
        (_previousSequence, _previousTimestamp, _previousAt) = (sequence, packet.Timestamp, at);
        _highest = Math.Max(_highest, sequence);
        _lowest = Math.Min(_lowest, sequence);
    }

    // RFC 3550 §A.1: place each 16-bit number in the 65536-cycle closest to the highest seen, so a wrap counts up
    // and a late packet stays in its cycle.
    private long Extend(ushort sequenceNumber)
    {
        if (_highest < 0) return sequenceNumber;
        var candidate = (_highest & ~0xFFFFL) | sequenceNumber;
        if (candidate - _highest > 0x8000) candidate -= 0x10000;
        else if (_highest - candidate > 0x8000) candidate += 0x10000;
        return candidate;
    }
}
