using System.Security.Cryptography;

namespace Huawu.Sip.Building;

/// <summary>
/// Fresh branch IDs, tags and Call-IDs. They come from a cryptographic generator: RFC 3261 §19.3 asks for
/// globally unique, unguessable tags and Call-IDs, and §8.1.1.7 for branches unique in space and time.
/// </summary>
public static class SipIdentifiers
{
    // Lower-case letters and digits: valid in token, word and every URI part, and case-safe.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>"z9hG4bK" followed by 16 random characters (~82 bits), per RFC 3261 §8.1.1.7.</summary>
    public static string NewBranch() => "z9hG4bK" + RandomText(16);

    /// <summary>A 12-character random tag (~62 bits; RFC 3261 §19.3 asks for at least 32).</summary>
    public static string NewTag() => RandomText(12);

    /// <summary>A random Call-ID, optionally "@host" as RFC 3261 §8.1.1.4 suggests.</summary>
    public static string NewCallId(string? host = null) =>
        string.IsNullOrEmpty(host) ? RandomText(24) : RandomText(24) + "@" + host;

    private static string RandomText(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
