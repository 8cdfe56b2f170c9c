using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Huawu.Sip.Authentication;

/// <summary>
/// Stateless nonces (RFC 7616 §3.3 leaves their form to the server): base64url of
/// issue time (8 bytes, Unix ms) ‖ 8 random bytes ‖ the first 16 bytes of HMAC-SHA-256(secret, time ‖ random).
/// The random part makes every nonce unique, so nc histories never mix between clients.
/// </summary>
public sealed partial class DigestServer
{
    private const int StampLength = 16;
    private const int MacLength = 16;
    private const int NonceLength = StampLength + MacLength;

    private string IssueNonce()
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce[8..StampLength]);
        Sign(nonce[..StampLength], nonce[StampLength..]);
        return Base64Url.EncodeToString(nonce);
    }

    /// <summary>True for a nonce this secret signed that is still within its lifetime.</summary>
    private bool TryReadNonce(string text, out DateTimeOffset issuedAt)
    {
        issuedAt = default;
        Span<byte> nonce = stackalloc byte[NonceLength];
        Span<byte> expectedMac = stackalloc byte[MacLength];
        if (text.Length != Base64Url.GetEncodedLength(NonceLength)
            || !Base64Url.TryDecodeFromChars(text, nonce, out var length) || length != NonceLength)
        {
            return false;
        }
        Sign(nonce[..StampLength], expectedMac);
        if (!CryptographicOperations.FixedTimeEquals(expectedMac, nonce[StampLength..])) return false;
        issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(nonce));
        // A nonce from the future comes from a node whose clock runs ahead; the lifetime bounds it both ways.
        return (_time.GetUtcNow() - issuedAt).Duration() <= _options.NonceLifetime;
    }

    private void Sign(ReadOnlySpan<byte> stamp, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_options.Secret.Span, stamp, full);
        full[..MacLength].CopyTo(mac);
    }
}
