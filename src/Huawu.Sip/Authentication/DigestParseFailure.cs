namespace Huawu.Sip.Authentication;

public enum DigestParseFailureKind
{
    /// <summary>Not the Digest scheme (RFC 4475 §3.3.7, "regaut01": answer with a fresh challenge).</summary>
    UnsupportedScheme,

    /// <summary>Digest, but an algorithm or qop this stack does not implement.</summary>
    Unsupported,

    /// <summary>Broken syntax or a missing required parameter.</summary>
    Malformed,
}

/// <summary>Why a challenge or credentials value could not be used.</summary>
public readonly record struct DigestParseFailure(DigestParseFailureKind Kind, string Reason);
