using Huawu.Sip.Uris;

namespace Huawu.Telephony.Registrar;

/// <summary>Contact URIs are kept as private copies of their bytes (the request's buffer is not ours to keep).</summary>
internal static class StoredUri
{
    /// <summary>A view over bytes that parsed once already; failing here is a bug.</summary>
    public static SipUri Parse(ReadOnlyMemory<byte> bytes) =>
        SipUri.TryParse(bytes, out var uri) ? uri : throw new InvalidOperationException("A stored URI parsed before and must parse again.");
}
