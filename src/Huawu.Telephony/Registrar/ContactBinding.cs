using System.Net;
using Huawu.Sip.Transport;
using Huawu.Sip.Uris;

namespace Huawu.Telephony.Registrar;

/// <summary>
/// One current binding of an extension's address-of-record to a contact (RFC 3261 §10): where the phone says it can
/// be reached, and where its REGISTER actually came from. Immutable; a refresh replaces it.
/// </summary>
public sealed class ContactBinding
{
    private readonly byte[] _uriBytes;

    internal ContactBinding(
        string extension, byte[] uriBytes, SipEndPoint source, string? userAgent, int qThousandths,
        string callId, uint cseq, DateTimeOffset registeredAt, DateTimeOffset updatedAt, DateTimeOffset expiresAt)
    {
        Extension = extension;
        _uriBytes = uriBytes;
        Source = source;
        UserAgent = userAgent;
        QThousandths = qThousandths;
        CallId = callId;
        CSeq = cseq;
        RegisteredAt = registeredAt;
        UpdatedAt = updatedAt;
        ExpiresAt = expiresAt;
    }

    public string Extension { get; }

    /// <summary>The Contact URI as the phone wrote it, URI headers included (RFC 4475 §3.3.14 "regescrt").</summary>
    public string ContactUri => System.Text.Encoding.UTF8.GetString(_uriBytes);

    /// <summary>The transport and source address the REGISTER came from.</summary>
    public SipEndPoint Source { get; }

    /// <summary>
    /// Whether the Contact names an IP address and port other than the source: the phone sits behind NAT (or a
    /// proxy), so requests to it go to <see cref="Source"/> over its transport rather than to the Contact's host.
    /// A host name is taken at its word.
    /// </summary>
    public bool IsBehindNat
    {
        get
        {
            var uri = Uri;
            if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var host)) return false;
            // RFC 3261 §19.1.2: without a port the default of the transport applies; 5061 for sips.
            var port = uri.HasPort ? uri.Port : uri.Scheme == UriScheme.Sips ? 5061 : 5060;
            return !host.Equals(Source.HostAddress()) || port != Source.EndPoint.Port;
        }
    }

    public string? UserAgent { get; }

    /// <summary>The q preference (RFC 3261 §20.10) from 0 to 1; 1 when the phone gave none.</summary>
    public double Q => QThousandths / 1000.0;

    /// <summary>The Call-ID and CSeq of the REGISTER that last wrote this binding (RFC 3261 §10.3 step 7).</summary>
    public string CallId { get; }

    public uint CSeq { get; }

    /// <summary>When this contact was first bound.</summary>
    public DateTimeOffset RegisteredAt { get; }

    /// <summary>When this contact was last registered or refreshed.</summary>
    public DateTimeOffset UpdatedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The parsed contact, a view over this binding's own copy of the bytes.</summary>
    internal SipUri Uri => StoredUri.Parse(_uriBytes);

    internal ReadOnlyMemory<byte> UriBytes => _uriBytes;

    internal int QThousandths { get; }

    /// <summary>Seconds left, rounded up so a binding still in force never reports 0 (RFC 3261 §10.3 step 8).</summary>
    public int RemainingSeconds(DateTimeOffset now) => (int)Math.Max(0, Math.Ceiling((ExpiresAt - now).TotalSeconds));

    internal bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    internal ContactBinding Renewed(SipEndPoint source, string? userAgent, int qThousandths, string callId, uint cseq, DateTimeOffset now, DateTimeOffset expiresAt) =>
        new(Extension, _uriBytes, source, userAgent, qThousandths, callId, cseq, RegisteredAt, now, expiresAt);

    public override string ToString() => $"{Extension} → {ContactUri} via {Source}, until {ExpiresAt:O}";
}
