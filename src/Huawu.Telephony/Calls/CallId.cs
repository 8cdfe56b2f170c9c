using System.Security.Cryptography;

namespace Huawu.Telephony.Calls;

/// <summary>
/// Identifies one call leg across the product (CTI events, call records, the API). Not the SIP Call-ID:
/// a B2BUA call has two legs with two SIP Call-IDs, and upper layers must not depend on SIP at all.
/// </summary>
public readonly record struct CallId(string Value)
{
    /// <summary>A new random id: 16 hex digits, short enough for logs and URLs.</summary>
    public static CallId New() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    public override string ToString() => Value;
}
