using Huawu.Testing.Peers.Wire;

namespace Huawu.LoadTests.Wire;

/// <summary>
/// One echo call on the wire: what SIPp sent to the node's RTP port (<see cref="Forward"/>) and what the node sent
/// back from it (<see cref="Return"/>). Each sent payload waits, by content, for its echo: SIPp plays random G.711
/// bytes, which the node decodes and re-encodes unchanged, so a payload that never comes back was lost somewhere
/// between SIPp's socket and the node's send — in the kernel, the node's receive path or its jitter buffer.
/// </summary>
internal sealed class EchoCall
{
    // G.711 at 8 kHz in 20 ms packets (RFC 3551 §4.5.14).
    private const uint TimestampUnitsPerPacket = 160;
    private readonly Dictionary<ulong, Queue<DateTimeOffset>> _awaitingEcho = [];
    private ulong _firstFingerprint;
    private DateTimeOffset? _firstSent;

    public RtpDirection Forward { get; } = new(TimestampUnitsPerPacket);

    public RtpDirection Return { get; } = new(TimestampUnitsPerPacket);

    /// <summary>Returned packets carrying a payload SIPp had sent and not yet seen back.</summary>
    public long Echoed { get; private set; }

    /// <summary>Returned packets carrying anything else (concealment, silence, an altered payload).</summary>
    public long ReturnedOther { get; private set; }

    public void AddForward(in RtpPacket packet, DateTimeOffset at)
    {
        Forward.Add(packet, at);
        var key = Fingerprint(packet.Payload.Span);
        if (_firstSent is null) (_firstFingerprint, _firstSent) = (key, at);
        if (!_awaitingEcho.TryGetValue(key, out var waiting)) _awaitingEcho[key] = waiting = new Queue<DateTimeOffset>(1);
        waiting.Enqueue(at);
    }

    /// <summary>Counts a returned packet; gives the echo delay when it carries a payload that was waiting.</summary>
    public TimeSpan? AddReturn(in RtpPacket packet, DateTimeOffset at)
    {
        Return.Add(packet, at);
        if (_awaitingEcho.TryGetValue(Fingerprint(packet.Payload.Span), out var waiting) && waiting.TryDequeue(out var sent))
        {
            Echoed++;
            return at - sent;
        }
        ReturnedOther++;
        return null;
    }

    /// <summary>
    /// Sent payloads that never came back. The scenario stops sending 500 ms before its BYE, so even the last
    /// payloads have left the node's jitter buffer by then.
    /// </summary>
    public long NotEchoed => _awaitingEcho.Values.Sum(waiting => waiting.Count);

    /// <summary>Whether the call's first payload is among those that never came back.</summary>
    public bool FirstNotEchoed => _firstSent is { } first && _awaitingEcho.TryGetValue(_firstFingerprint, out var waiting) && waiting.Contains(first);

    // FNV-1a, 64 bits: a payload's identity (160 random bytes) without keeping the bytes.
    private static ulong Fingerprint(ReadOnlySpan<byte> payload)
    {
        var hash = 14695981039346656037UL;
        foreach (var value in payload) hash = (hash ^ value) * 1099511628211UL;
        return hash;
    }
}
