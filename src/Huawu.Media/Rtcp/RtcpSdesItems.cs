namespace Huawu.Media.Rtcp;

/// <summary>Reads SDES chunks (RFC 3550 §6.5): an SSRC, then type-length-value items ended by a null octet, padded to 32 bits.</summary>
internal static class RtcpSdesItems
{
    public const byte End = 0;
    public const byte CanonicalName = 1;

    public static bool TryFind(ReadOnlySpan<byte> body, int chunkCount, byte itemType, out uint ssrc, out ReadOnlySpan<byte> value)
    {
        var offset = 0;
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            if (offset + 4 > body.Length) break;
            var chunkSsrc = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(body[offset..]);
            offset += 4;
            // Items until the null item; a malformed length ends the search rather than reading past the body.
            while (offset < body.Length && body[offset] != End)
            {
                if (offset + 2 > body.Length || offset + 2 + body[offset + 1] > body.Length)
                {
                    ssrc = 0;
                    value = [];
                    return false;
                }
                if (body[offset] == itemType)
                {
                    ssrc = chunkSsrc;
                    value = body.Slice(offset + 2, body[offset + 1]);
                    return true;
                }
                offset += 2 + body[offset + 1];
            }
            // The null item plus padding to the next 32-bit boundary.
            offset = (offset + 4) & ~3;
        }
        ssrc = 0;
        value = [];
        return false;
    }
}
