namespace Huawu.Testing.Peers.Wire;

/// <summary>
/// One RFC 4733 telephone event as seen on the wire: all the packets sharing an RTP timestamp (§2.5.1.1),
/// with the longest duration reported and whether an end packet (E bit, §2.3.3) arrived.
/// </summary>
public sealed record TelephoneEvent(byte Code, uint RtpTimestamp, ushort Duration, bool Ended, byte Volume, int Packets)
{
    /// <summary>The DTMF key of events 0-15 (RFC 4733 §3.2: 0-9, *, #, A-D), or null for other events.</summary>
    public char? Digit => Code switch
    {
        <= 9 => (char)('0' + Code),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + Code - 12),
        _ => null,
    };

    public override string ToString() => $"event {Digit?.ToString() ?? Code.ToString(System.Globalization.CultureInfo.InvariantCulture)} ts={RtpTimestamp} duration={Duration}{(Ended ? " end" : "")}";
}
