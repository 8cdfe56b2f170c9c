using System.Buffers.Binary;
using System.Net;

namespace Huawu.Testing.Peers.Wire;

/// <summary>
/// The RTP packets one source sent to one destination under one SSRC, in capture order, with the checks
/// interop tests make on them: counts per payload type, sequence gaps (loss), the concatenated payload and the
/// RFC 4733 events.
/// </summary>
public sealed class RtpStream
{
    private readonly long[] _extendedSequence;

    internal RtpStream(IPEndPoint source, IPEndPoint destination, uint ssrc, IReadOnlyList<RtpPacket> packets)
    {
        Source = source;
        Destination = destination;
        Ssrc = ssrc;
        Packets = packets;
        _extendedSequence = ExtendSequenceNumbers(packets);
    }

    public IPEndPoint Source { get; }

    public IPEndPoint Destination { get; }

    public uint Ssrc { get; }

    /// <summary>The packets in the order they were captured.</summary>
    public IReadOnlyList<RtpPacket> Packets { get; }

    /// <summary>The payload types used, in order of first appearance.</summary>
    public IReadOnlyList<byte> PayloadTypes => [.. Packets.Select(p => p.PayloadType).Distinct()];

    /// <summary>Time from the first to the last captured packet.</summary>
    public TimeSpan Duration => Packets.Count == 0 ? TimeSpan.Zero : Packets[^1].Datagram.Timestamp - Packets[0].Datagram.Timestamp;

    /// <summary>Packets that repeated an already seen sequence number.</summary>
    public int Duplicates => _extendedSequence.Length - _extendedSequence.Distinct().Count();

    /// <summary>How many packets of <paramref name="payloadType"/> were captured.</summary>
    public int Count(byte payloadType) => Packets.Count(p => p.PayloadType == payloadType);

    /// <summary>Runs of sequence numbers never captured, whatever the payload type (loss, RFC 3550 §6.4.1).</summary>
    public IReadOnlyList<SequenceGap> Gaps()
    {
        var gaps = new List<SequenceGap>();
        var ordered = _extendedSequence.Distinct().Order().ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            var missing = ordered[i] - ordered[i - 1] - 1;
            if (missing > 0) gaps.Add(new SequenceGap(ordered[i - 1], (int)missing));
        }
        return gaps;
    }

    /// <summary>Total sequence numbers missing between the first and the last packet.</summary>
    public int Lost => Gaps().Sum(g => g.Missing);

    /// <summary>The payloads of <paramref name="payloadType"/> joined in sequence order, each sequence number once.</summary>
    public byte[] Payload(byte payloadType)
    {
        using var joined = new MemoryStream();
        var seen = new HashSet<long>();
        foreach (var index in Enumerable.Range(0, Packets.Count).OrderBy(i => _extendedSequence[i]))
        {
            if (Packets[index].PayloadType == payloadType && seen.Add(_extendedSequence[index]))
            {
                joined.Write(Packets[index].Payload.Span);
            }
        }
        return joined.ToArray();
    }

    /// <summary>
    /// The RFC 4733 events carried with <paramref name="payloadType"/> (§2.3: event, E bit, volume, duration),
    /// one per RTP timestamp, in order of first appearance.
    /// </summary>
    public IReadOnlyList<TelephoneEvent> TelephoneEvents(byte payloadType = 101)
    {
        var events = new List<TelephoneEvent>();
        foreach (var packet in Packets.Where(p => p.PayloadType == payloadType && p.Payload.Length >= 4))
        {
            var body = packet.Payload.Span;
            var current = new TelephoneEvent(
                Code: body[0],
                RtpTimestamp: packet.Timestamp,
                Duration: BinaryPrimitives.ReadUInt16BigEndian(body[2..]),
                Ended: (body[1] & 0x80) != 0,
                Volume: (byte)(body[1] & 0x3F),
                Packets: 1);
            var index = events.FindIndex(e => e.RtpTimestamp == packet.Timestamp);
            if (index < 0)
            {
                events.Add(current);
                continue;
            }
            var known = events[index];
            events[index] = known with
            {
                Duration = Math.Max(known.Duration, current.Duration),
                Ended = known.Ended || current.Ended,
                Packets = known.Packets + 1,
            };
        }
        return events;
    }

    public override string ToString() =>
        $"RTP {Source} -> {Destination} ssrc=0x{Ssrc:x8} pt=[{string.Join(',', PayloadTypes)}] {Packets.Count} packets, {Lost} lost, {Duration.TotalMilliseconds:F0} ms";

    // RFC 3550 §A.1: each 16-bit number is placed in the 65536-cycle that puts it closest to the highest
    // number seen so far, so wraps count up and late (reordered) packets stay in their cycle.
    private static long[] ExtendSequenceNumbers(IReadOnlyList<RtpPacket> packets)
    {
        var extended = new long[packets.Count];
        long highest = -1;
        for (var i = 0; i < packets.Count; i++)
        {
            long sequence = packets[i].SequenceNumber;
            if (highest >= 0)
            {
                var candidate = (highest & ~0xFFFFL) | sequence;
                if (candidate - highest > 0x8000) candidate -= 0x10000;
                else if (highest - candidate > 0x8000) candidate += 0x10000;
                sequence = candidate;
            }
            extended[i] = sequence;
            highest = Math.Max(highest, sequence);
        }
        return extended;
    }
}
