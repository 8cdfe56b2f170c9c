using System.Buffers.Binary;
using System.Security.Cryptography;
using Huawu.Data.Keys;

namespace Huawu.Data.Recordings;

/// <summary>
/// Seals and opens the chunks of one recording, in the manner of the STREAM construction (Hoang et al., 2015):
/// a per-file AES-256-GCM key from HKDF-SHA-256(data key, salt = file id), the nonce 0⁴ ‖ chunk index, and as
/// associated data the whole header plus a last-chunk flag. So chunks cannot be reordered (the index is in the
/// nonce), moved between files (the key and header differ), or dropped from the end (the new last chunk was
/// not sealed as last). Nonces never repeat under a key: each file has its own key and each index is sealed once.
/// </summary>
internal sealed class ChunkCipher : IDisposable
{
    public const int TagLength = 16;
    private const int NonceLength = 12;
    private static readonly byte[] KeyInfo = "huawu-recording-v1"u8.ToArray();

    private readonly AesGcm _aes;
    private readonly byte[] _associated;

    public ChunkCipher(DataKey key, RecordingFileHeader header)
    {
        var fileKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, DataKey.Size, header.FileId, KeyInfo);
        _aes = new AesGcm(fileKey, TagLength);
        CryptographicOperations.ZeroMemory(fileKey);
        _associated = new byte[RecordingFileHeader.Length + 1];
        header.ToBytes().CopyTo(_associated, 0);
    }

    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="destination"/> (ciphertext then tag).</summary>
    public void Seal(long index, bool last, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        Nonce(index, nonce);
        _associated[^1] = last ? (byte)1 : (byte)0;
        _aes.Encrypt(nonce, plaintext, destination[..plaintext.Length], destination.Slice(plaintext.Length, TagLength), _associated);
    }

    /// <summary>Decrypts a sealed chunk; false when it fails authentication.</summary>
    public bool TryOpen(long index, bool last, ReadOnlySpan<byte> sealedChunk, Span<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        Nonce(index, nonce);
        _associated[^1] = last ? (byte)1 : (byte)0;
        var length = sealedChunk.Length - TagLength;
        try
        {
            _aes.Decrypt(nonce, sealedChunk[..length], sealedChunk[length..], plaintext[..length], _associated);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public void Dispose() => _aes.Dispose();

    private static void Nonce(long index, Span<byte> nonce)
    {
        nonce[..4].Clear();
        BinaryPrimitives.WriteInt64BigEndian(nonce[4..], index);
    }
}
