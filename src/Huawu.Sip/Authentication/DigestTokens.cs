using System.Diagnostics.CodeAnalysis;

namespace Huawu.Sip.Authentication;

/// <summary>The wire spellings of algorithms and qop values; comparisons are case-insensitive (RFC 7616 §3.3).</summary>
internal static class DigestTokens
{
    public const string Scheme = "Digest";

    public static string ToToken(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    public static bool TryParseAlgorithm(string token, out DigestAlgorithm algorithm)
    {
        foreach (var candidate in Enum.GetValues<DigestAlgorithm>())
        {
            if (string.Equals(token, candidate.ToToken(), StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }
        algorithm = default;
        return false;
    }

    public static bool IsSession(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    public static bool UsesSha256(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess;

    /// <summary>RFC 8760 §2.4: a UAC prefers SHA-256 over MD5 when a UAS offers both.</summary>
    public static int Strength(this DigestAlgorithm algorithm) => algorithm.UsesSha256() ? 2 : 1;

    public static string ToToken(this DigestQop qop) => qop switch
    {
        DigestQop.Auth => "auth",
        DigestQop.AuthInt => "auth-int",
        _ => throw new ArgumentOutOfRangeException(nameof(qop), qop, "qop=none is written by omitting the parameter"),
    };

    public static bool TryParseQop(ReadOnlySpan<char> token, out DigestQop qop)
    {
        if (token.Equals("auth", StringComparison.OrdinalIgnoreCase)) qop = DigestQop.Auth;
        else if (token.Equals("auth-int", StringComparison.OrdinalIgnoreCase)) qop = DigestQop.AuthInt;
        else
        {
            qop = DigestQop.None;
            return false;
        }
        return true;
    }

    public static bool IsDigestScheme([NotNullWhen(true)] string? scheme) =>
        string.Equals(scheme, Scheme, StringComparison.OrdinalIgnoreCase);
}
