using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Huawu.Data.Keys;

namespace Huawu.Data.Protection;

/// <summary>
/// Encrypts personal data for storage with AES-256-GCM under the ring's active key (random 96-bit nonce per
/// value; a key is rotated long before 2^32 values). The envelope header and the column label are the
/// associated data, so neither the key id nor the column a value belongs to can be altered undetected.
/// </summary>
internal sealed class PersonalDataCipher(KeyRing keys)
{
    public KeyRing Keys { get; } = keys;

    public byte[] Protect(string plaintext, EncryptedColumn column)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var byteCount = Encoding.UTF8.GetByteCount(plaintext);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(plaintext, rented);
            return Seal(rented.AsSpan(0, written), column, Keys.Active);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, byteCount));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Null in, null out: optional columns stay NULL rather than holding an encrypted empty value.</summary>
    public byte[]? ProtectOptional(string? plaintext, EncryptedColumn column) =>
        plaintext is null ? null : Protect(plaintext, column);

    /// <summary>Decrypts a value read from <paramref name="column"/>; a value that fails is corrupt or tampered.</summary>
    public string Unprotect(byte[] envelope, EncryptedColumn column) =>
        TryUnprotect(envelope, column, out var plaintext, out var error)
            ? plaintext
            : throw new InvalidDataException($"{column}: {error}");

    public string? UnprotectOptional(byte[]? envelope, EncryptedColumn column) =>
        envelope is null ? null : Unprotect(envelope, column);

    public bool TryUnprotect(byte[] envelope, EncryptedColumn column, [NotNullWhen(true)] out string? plaintext, out string error)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        plaintext = null;
        if (!Envelope.TryReadKeyId(envelope, out var keyId))
        {
            error = "not an encrypted value of a known format";
            return false;
        }
        if (!Keys.TryGet(keyId, out var key))
        {
            error = $"encrypted with key {keyId}, which the key ring does not hold";
            return false;
        }
        var ciphertextLength = envelope.Length - Envelope.Overhead;
        var rented = ArrayPool<byte>.Shared.Rent(ciphertextLength);
        try
        {
            var output = rented.AsSpan(0, ciphertextLength);
            var body = envelope.AsSpan(Envelope.HeaderLength);
            Span<byte> associated = stackalloc byte[Envelope.HeaderLength + column.Label.Length];
            Associated(envelope.AsSpan(0, Envelope.HeaderLength), column, associated);
            using var aes = new AesGcm(key.Material, Envelope.TagLength);
            aes.Decrypt(body[..Envelope.NonceLength], body.Slice(Envelope.NonceLength, ciphertextLength),
                body[^Envelope.TagLength..], output, associated);
            plaintext = Encoding.UTF8.GetString(output);
            error = "";
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            error = "failed authentication (tampered, truncated or moved from another column)";
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, ciphertextLength));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte[] Seal(ReadOnlySpan<byte> plaintext, EncryptedColumn column, DataKey key)
    {
        var envelope = new byte[Envelope.Overhead + plaintext.Length];
        var span = envelope.AsSpan();
        Envelope.WriteHeader(span, key.Id);
        var nonce = span.Slice(Envelope.HeaderLength, Envelope.NonceLength);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> associated = stackalloc byte[Envelope.HeaderLength + column.Label.Length];
        Associated(span[..Envelope.HeaderLength], column, associated);
        using var aes = new AesGcm(key.Material, Envelope.TagLength);
        aes.Encrypt(nonce, plaintext, span.Slice(Envelope.HeaderLength + Envelope.NonceLength, plaintext.Length),
            span[^Envelope.TagLength..], associated);
        return envelope;
    }

    private static void Associated(ReadOnlySpan<byte> header, EncryptedColumn column, Span<byte> destination)
    {
        header.CopyTo(destination);
        column.Label.CopyTo(destination[header.Length..]);
    }
}
