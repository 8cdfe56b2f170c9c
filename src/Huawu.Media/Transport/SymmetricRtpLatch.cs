using System.Net;

namespace Huawu.Media.Transport;

/// <summary>What <see cref="SymmetricRtpLatch"/> made of a packet's source.</summary>
internal enum LatchDecision
{
    /// <summary>From the latched source.</summary>
    Accept,

    /// <summary>The remote address is now this packet's source: send there from now on.</summary>
    Latched,

    /// <summary>From another source that has not earned the latch: drop it.</summary>
    Reject,
}

/// <summary>
/// Symmetric RTP (RFC 4961): send to where the peer's RTP comes from, which gets media through NATs that
/// rewrite the peer's address. The stream only asks about packets that already passed RTP validation with
/// an expected payload type. To resist hijacking (injected packets from elsewhere), the latch moves when
/// (a) nothing is latched yet, (b) the packet carries the latched SSRC (the same stream, re-mapped by a
/// NAT), or (c) the latched source has been silent for a while and the new source sent several packets in a
/// row with one SSRC (the peer switched media servers). Not thread-safe: the stream serializes access.
/// </summary>
internal sealed class SymmetricRtpLatch(TimeProvider timeProvider, TimeSpan switchAfterSilence, int packetsToSwitch = 2)
{
    private SocketAddress? _candidate;
    private uint _candidateSsrc;
    private int _candidatePackets;
    private long _lastFromLatched;

    /// <summary>The latched source, or null before the first packet.</summary>
    public SocketAddress? Latched { get; private set; }

    public uint LatchedSsrc { get; private set; }

    public LatchDecision Evaluate(SocketAddress source, uint ssrc)
    {
        var now = timeProvider.GetTimestamp();
        if (Latched is not null && Latched.Equals(source))
        {
            _lastFromLatched = now;
            LatchedSsrc = ssrc;
            _candidate = null;
            return LatchDecision.Accept;
        }
        if (Latched is null || ssrc == LatchedSsrc) return LatchTo(source, ssrc, now);

        if (_candidate is not null && _candidate.Equals(source) && ssrc == _candidateSsrc) _candidatePackets++;
        else
        {
            _candidate = Copy(source);
            _candidateSsrc = ssrc;
            _candidatePackets = 1;
        }
        var latchedIsSilent = timeProvider.GetElapsedTime(_lastFromLatched, now) >= switchAfterSilence;
        return latchedIsSilent && _candidatePackets >= packetsToSwitch ? LatchTo(source, ssrc, now) : LatchDecision.Reject;
    }

    /// <summary>Forgets the latch, e.g. when signalling gives a new remote address.</summary>
    public void Reset()
    {
        Latched = null;
        _candidate = null;
    }

    private LatchDecision LatchTo(SocketAddress source, uint ssrc, long now)
    {
        // A copy: the receive loop reuses its address object for the next datagram.
        Latched = Copy(source);
        LatchedSsrc = ssrc;
        _lastFromLatched = now;
        _candidate = null;
        return LatchDecision.Latched;
    }

    /// <summary>A private copy of a socket address (receive loops reuse theirs).</summary>
    internal static SocketAddress Copy(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
