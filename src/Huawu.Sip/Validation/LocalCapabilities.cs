namespace Huawu.Sip.Validation;

/// <summary>What this element supports, against which requests are judged (RFC 3261 §8.2).</summary>
public sealed record LocalCapabilities
{
    /// <summary>Methods we implement; others get 405 when standard, 501 when unknown (RFC 3261 §8.2.1).</summary>
    public IReadOnlyList<string> Methods { get; init; } = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS"];

    /// <summary>Option tags we can honor in Require / Proxy-Require (RFC 3261 §8.2.2.3, §16.3 step 5).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Body types we understand, "type/subtype" (RFC 3261 §8.2.3).</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = ["application/sdp"];

    /// <summary>Content codings we can undo; "identity" (none) is always understood.</summary>
    public IReadOnlyList<string> ContentEncodings { get; init; } = [];

    /// <summary>Request-URI schemes we route (RFC 3261 §8.2.2.1).</summary>
    public IReadOnlyList<string> UriSchemes { get; init; } = ["sip", "sips", "tel"];
}
