using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Huawu.Server.Accounts;

/// <summary>
/// Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226): 30-second steps counted from the Unix epoch,
/// 6 digits, HMAC-SHA-1 by default — what every authenticator app shows.
/// </summary>
internal static class Totp
{
    public const int PeriodSeconds = 30;
    public const int Digits = 6;

    /// <summary>
    /// Steps either side of now that still count (RFC 6238 §5.2 recommends at most one step of network delay;
    /// one either side also forgives a phone clock a few seconds off).
    /// </summary>
    public const int Window = 1;

    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>RFC 6238 §4.2: T = floor((unix time - T0) / X) with T0 = 0 and X = 30 s.</summary>
    public static long StepAt(DateTimeOffset time) => (long)Math.Floor(time.ToUnixTimeSeconds() / (double)PeriodSeconds);

    /// <summary>The HOTP value of a counter (RFC 4226 §5.3): HMAC over the 8-byte big-endian counter, dynamically truncated.</summary>
    public static int Code(ReadOnlySpan<byte> secret, long step, int digits = Digits, TotpAlgorithm algorithm = TotpAlgorithm.Sha1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 8);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[64];
        var length = algorithm switch
        {
            TotpAlgorithm.Sha256 => HMACSHA256.HashData(secret, counter, mac),
            TotpAlgorithm.Sha512 => HMACSHA512.HashData(secret, counter, mac),
            // RFC 4226 §5 defines HOTP over HMAC-SHA-1 and every authenticator app uses it; HMAC does not rest on
            // SHA-1's (broken) collision resistance.
#pragma warning disable CA5350
            _ => HMACSHA1.HashData(secret, counter, mac),
#pragma warning restore CA5350
        };
        // RFC 4226 §5.3: the low nibble of the last byte picks 4 bytes; their top bit is dropped.
        var offset = mac[length - 1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(mac.Slice(offset, 4)) & 0x7FFF_FFFF;
        return binary % PowersOfTen[digits];
    }

    public static string Format(int code, int digits = Digits) => code.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// The step whose code a user typed, within <see cref="Window"/> of now, or null. Every candidate is compared
    /// in full, in fixed time, so timing tells nothing about near misses.
    /// </summary>
    public static long? Match(ReadOnlySpan<byte> secret, string? typed, DateTimeOffset now)
    {
        var code = typed?.Replace(" ", "", StringComparison.Ordinal);
        if (code is not { Length: Digits } || !code.All(char.IsAsciiDigit)) return null;
        var typedBytes = Encoding.ASCII.GetBytes(code);
        var current = StepAt(now);
        long? matched = null;
        for (var step = current - Window; step <= current + Window; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Format(Code(secret, step))), typedBytes)) matched ??= step;
        }
        return matched;
    }
}
