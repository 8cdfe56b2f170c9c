using System.Buffers.Binary;

namespace Huawu.Media.Dtmf;

/// <summary>
/// The 4-byte telephone-event payload of RFC 4733 §2.3: event code, End bit, volume in −dBm0 (0–63) and
/// duration in timestamp units since the event began.
/// </summary>
public readonly record struct TelephoneEvent(byte EventCode, bool IsEnd, byte Volume, ushort Duration)
{
    public const int Length = 4;

    /// <summary>Reads the first event of a payload; false when the payload is too short.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        if (payload.Length < Length)
        {
            telephoneEvent = default;
            return false;
        }
        telephoneEvent = new TelephoneEvent(
            payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload (the reserved R bit is zero, §2.3) and returns its length.</summary>
    public int Write(Span<byte> payload)
    {
        payload[0] = EventCode;
        payload[1] = (byte)((IsEnd ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], Duration);
        return Length;
    }
}
