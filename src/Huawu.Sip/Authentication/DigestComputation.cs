using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Huawu.Sip.Authentication;

/// <summary>The digest calculations of RFC 7616 §3.4.1–§3.4.3 (RFC 2617 §3.2.2.1–§3.2.2.3 for MD5).</summary>
internal static class DigestComputation
{
    /// <summary>HA1 = H(username ":" realm ":" password), the secret a server may store instead of the password.</summary>
    public static string Ha1(DigestAlgorithm algorithm, string username, string realm, string password) =>
        HashHex(algorithm, username, realm, password);

    /// <summary>
    /// request-digest = KD(HA1', nonce ":" nc ":" cnonce ":" qop ":" HA2), or KD(HA1', nonce ":" HA2) without qop,
    /// where HA1' = H(HA1 ":" nonce ":" cnonce) for "-sess" algorithms and HA2 = H(method ":" uri [":" H(body)]).
    /// </summary>
    public static string Response(
        DigestAlgorithm algorithm, string ha1, string nonce, DigestQop qop, uint nonceCount, string? cnonce,
        string method, string uri, ReadOnlySpan<byte> body)
    {
        if (algorithm.IsSession())
        {
            ArgumentNullException.ThrowIfNull(cnonce);
            ha1 = HashHex(algorithm, ha1, nonce, cnonce);
        }
        var ha2 = qop == DigestQop.AuthInt
            ? HashHex(algorithm, method, uri, HashHex(algorithm, body))
            : HashHex(algorithm, method, uri);
        if (qop == DigestQop.None) return HashHex(algorithm, ha1, nonce, ha2);
        ArgumentNullException.ThrowIfNull(cnonce);
        Span<char> nc = stackalloc char[8];
        nonceCount.TryFormat(nc, out _, "x8", System.Globalization.CultureInfo.InvariantCulture);
        return HashHex(algorithm, ha1, nonce, nc.ToString(), cnonce, qop.ToToken(), ha2);
    }

    /// <summary>H(part1 ":" part2 ":" …) as lowercase hex, over the UTF-8 bytes (RFC 7616 §3.4.1).</summary>
    private static string HashHex(DigestAlgorithm algorithm, params ReadOnlySpan<string> parts)
    {
        var length = parts.Length - 1;
        foreach (var part in parts) length += Encoding.UTF8.GetByteCount(part);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) buffer[written++] = (byte)':';
                written += Encoding.UTF8.GetBytes(parts[i], buffer.AsSpan(written));
            }
            return HashHex(algorithm, buffer.AsSpan(0, written));
        }
        finally
        {
            // The buffer held a password or HA1: do not leave it in the shared pool.
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string HashHex(DigestAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var size = algorithm.UsesSha256() ? SHA256.HashData(data, hash) : Md5(data, hash);
        return Convert.ToHexStringLower(hash[..size]);
    }

#pragma warning disable CA5351 // RFC 3261 §22.4 and RFC 8760 §2.1: MD5 stays mandatory for SIP digest interoperability.
    private static int Md5(ReadOnlySpan<byte> data, Span<byte> hash) => MD5.HashData(data, hash);
#pragma warning restore CA5351
}
