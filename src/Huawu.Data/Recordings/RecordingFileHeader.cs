using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Huawu.Data.Recordings;

/// <summary>
/// The fixed 48-byte header of an encrypted recording, authenticated as part of every chunk:
/// <code>
///  0  4  magic "HWRA"          12 16  file id (random)        34  2  channels
///  4  1  format version (1)     28  4  chunk size (plaintext)  36  4  sample rate
///  5  3  reserved (0)           32  2  codec                   40  8  reserved (0)
///  8  4  key id
/// </code>
/// All integers big-endian. Chunks follow: chunk i at 48 + i × (chunk size + 16), each its ciphertext and tag.
/// </summary>
internal sealed record RecordingFileHeader(uint KeyId, byte[] FileId, int ChunkSize, RecordingFormat Format)
{
    public const int Length = 48;
    public const byte Version1 = 1;
    public const int DefaultChunkSize = 64 * 1024;
    public const int FileIdLength = 16;
    private static ReadOnlySpan<byte> Magic => "HWRA"u8;

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        Magic.CopyTo(bytes);
        bytes[4] = Version1;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), KeyId);
        FileId.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(28), ChunkSize);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(32), (ushort)Format.Codec);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(34), (ushort)Format.Channels);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(36), Format.SampleRate);
        return bytes;
    }

    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out RecordingFileHeader? header, out string error)
    {
        header = null;
        if (bytes.Length < Length || !bytes[..4].SequenceEqual(Magic))
        {
            error = "not a Huawu recording";
            return false;
        }
        if (bytes[4] != Version1)
        {
            error = $"recording format version {bytes[4]} is not supported";
            return false;
        }
        var chunkSize = BinaryPrimitives.ReadInt32BigEndian(bytes[28..]);
        if (chunkSize is < 1 or > 16 * 1024 * 1024)
        {
            error = $"chunk size {chunkSize} is out of range";
            return false;
        }
        var format = new RecordingFormat((AudioCodec)BinaryPrimitives.ReadUInt16BigEndian(bytes[32..]),
            BinaryPrimitives.ReadInt32BigEndian(bytes[36..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[34..]));
        header = new RecordingFileHeader(BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]), bytes.Slice(12, FileIdLength).ToArray(), chunkSize, format);
        error = "";
        return true;
    }
}
