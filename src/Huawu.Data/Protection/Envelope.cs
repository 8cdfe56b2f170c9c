using System.Buffers.Binary;

namespace Huawu.Data.Protection;

/// <summary>
/// The layout of one encrypted value: <c>version(1) | key id(4, big-endian) | nonce(12) | ciphertext | tag(16)</c>.
/// The version and key id travel in the clear (and are authenticated), so any reader knows which key opens
/// the value and a rotation can find values still under an old key without decrypting them.
/// </summary>
internal static class Envelope
{
    public const byte Version1 = 1;
    public const int KeyIdOffset = 1;
    public const int KeyIdLength = 4;
    public const int HeaderLength = 1 + KeyIdLength;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int Overhead = HeaderLength + NonceLength + TagLength;

    public static void WriteHeader(Span<byte> destination, uint keyId)
    {
        destination[0] = Version1;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(KeyIdOffset, KeyIdLength), keyId);
    }

    /// <summary>The key id of a well-formed envelope; false for anything too short or of another version.</summary>
    public static bool TryReadKeyId(ReadOnlySpan<byte> envelope, out uint keyId)
    {
        keyId = 0;
        if (envelope.Length < Overhead || envelope[0] != Version1) return false;
        keyId = BinaryPrimitives.ReadUInt32BigEndian(envelope.Slice(KeyIdOffset, KeyIdLength));
        return true;
    }

    /// <summary>The four bytes a key id takes inside an envelope, for SQL that compares them without decrypting.</summary>
    public static byte[] KeyIdBytes(uint keyId)
    {
        var bytes = new byte[KeyIdLength];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, keyId);
        return bytes;
    }
}
