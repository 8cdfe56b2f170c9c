using System.Text;

namespace Huawu.Sip.Headers;

/// <summary>
/// Maps header names (full or compact, any case — RFC 3261 §7.3.1, §7.3.3) to <see cref="HeaderId"/> without
/// allocating, and gives each known header its canonical spelling for serialization.
/// </summary>
public static class HeaderNames
{
    private static readonly HeaderDefinition UnknownDefinition = new(HeaderId.Unknown, "", '\0', HeaderShape.Repeatable);
    private static readonly HeaderDefinition[] Definitions = CreateDefinitions();
    private static readonly HeaderId[] ByCompactForm = CreateCompactTable();
    private static readonly HeaderDefinition[][] ByFirstLetter = CreateLetterBuckets();

    /// <summary>The known header named <paramref name="name"/> (full or compact form, case-insensitive), or Unknown.</summary>
    public static HeaderId Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var lower = name[0] | 0x20;
            return lower < ByCompactForm.Length ? ByCompactForm[lower] : HeaderId.Unknown;
        }
        if (name.IsEmpty) return HeaderId.Unknown;
        var bucket = (uint)((name[0] | 0x20) - 'a');
        if (bucket >= ByFirstLetter.Length) return HeaderId.Unknown;
        foreach (var candidate in ByFirstLetter[bucket])
        {
            if (candidate.NameBytes.Length == name.Length && Ascii.EqualsIgnoreCase(candidate.NameBytes, name))
            {
                return candidate.Id;
            }
        }
        return HeaderId.Unknown;
    }

    /// <summary>The known header named <paramref name="name"/>, or Unknown.</summary>
    public static HeaderId Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> bytes = stackalloc byte[Math.Min(name.Length, 64)];
        return name.Length <= 64 && Ascii.FromUtf16(name, bytes, out var written) == System.Buffers.OperationStatus.Done
            ? Lookup(bytes[..written])
            : HeaderId.Unknown;
    }

    /// <summary>The canonical full name of a known header ("Call-ID", "WWW-Authenticate").</summary>
    public static string GetName(HeaderId id) => Get(id).Name;

    /// <summary>Whether the header may repeat and whether its value is a comma-separated list.</summary>
    public static HeaderShape GetShape(HeaderId id) => Get(id).Shape;

    internal static HeaderDefinition Get(HeaderId id) =>
        (int)id < Definitions.Length ? Definitions[(int)id] : UnknownDefinition;

    private static HeaderDefinition[] CreateDefinitions()
    {
        HeaderDefinition[] all =
        [
            UnknownDefinition,
            new(HeaderId.Accept, "Accept", '\0', HeaderShape.List),
            new(HeaderId.AcceptContact, "Accept-Contact", 'a', HeaderShape.List),
            new(HeaderId.AcceptEncoding, "Accept-Encoding", '\0', HeaderShape.List),
            new(HeaderId.AcceptLanguage, "Accept-Language", '\0', HeaderShape.List),
            new(HeaderId.AlertInfo, "Alert-Info", '\0', HeaderShape.List),
            new(HeaderId.Allow, "Allow", '\0', HeaderShape.List),
            new(HeaderId.AllowEvents, "Allow-Events", 'u', HeaderShape.List),
            new(HeaderId.AuthenticationInfo, "Authentication-Info", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Authorization, "Authorization", '\0', HeaderShape.Repeatable),
            new(HeaderId.CallId, "Call-ID", 'i', HeaderShape.AtMostOnce),
            new(HeaderId.CallInfo, "Call-Info", '\0', HeaderShape.List),
            new(HeaderId.Contact, "Contact", 'm', HeaderShape.List),
            new(HeaderId.ContentDisposition, "Content-Disposition", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.ContentEncoding, "Content-Encoding", 'e', HeaderShape.List),
            new(HeaderId.ContentLanguage, "Content-Language", '\0', HeaderShape.List),
            new(HeaderId.ContentLength, "Content-Length", 'l', HeaderShape.AtMostOnce),
            new(HeaderId.ContentType, "Content-Type", 'c', HeaderShape.AtMostOnce),
            new(HeaderId.CSeq, "CSeq", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Date, "Date", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Diversion, "Diversion", '\0', HeaderShape.List),
            new(HeaderId.ErrorInfo, "Error-Info", '\0', HeaderShape.List),
            new(HeaderId.Event, "Event", 'o', HeaderShape.AtMostOnce),
            new(HeaderId.Expires, "Expires", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.From, "From", 'f', HeaderShape.AtMostOnce),
            new(HeaderId.HistoryInfo, "History-Info", '\0', HeaderShape.List),
            new(HeaderId.Identity, "Identity", 'y', HeaderShape.AtMostOnce),
            new(HeaderId.IdentityInfo, "Identity-Info", 'n', HeaderShape.AtMostOnce),
            new(HeaderId.InReplyTo, "In-Reply-To", '\0', HeaderShape.List),
            new(HeaderId.Join, "Join", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.MaxForwards, "Max-Forwards", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.MimeVersion, "MIME-Version", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.MinExpires, "Min-Expires", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.MinSE, "Min-SE", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Organization, "Organization", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.PAssertedIdentity, "P-Asserted-Identity", '\0', HeaderShape.List),
            new(HeaderId.PPreferredIdentity, "P-Preferred-Identity", '\0', HeaderShape.List),
            new(HeaderId.Path, "Path", '\0', HeaderShape.List),
            new(HeaderId.Priority, "Priority", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Privacy, "Privacy", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.ProxyAuthenticate, "Proxy-Authenticate", '\0', HeaderShape.Repeatable),
            new(HeaderId.ProxyAuthorization, "Proxy-Authorization", '\0', HeaderShape.Repeatable),
            new(HeaderId.ProxyRequire, "Proxy-Require", '\0', HeaderShape.List),
            new(HeaderId.RAck, "RAck", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Reason, "Reason", '\0', HeaderShape.List),
            new(HeaderId.RecordRoute, "Record-Route", '\0', HeaderShape.List),
            new(HeaderId.ReferSub, "Refer-Sub", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.ReferTo, "Refer-To", 'r', HeaderShape.AtMostOnce),
            new(HeaderId.ReferredBy, "Referred-By", 'b', HeaderShape.AtMostOnce),
            new(HeaderId.RejectContact, "Reject-Contact", 'j', HeaderShape.List),
            new(HeaderId.Replaces, "Replaces", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.ReplyTo, "Reply-To", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.RequestDisposition, "Request-Disposition", 'd', HeaderShape.List),
            new(HeaderId.Require, "Require", '\0', HeaderShape.List),
            new(HeaderId.RetryAfter, "Retry-After", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Route, "Route", '\0', HeaderShape.List),
            new(HeaderId.RSeq, "RSeq", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.SecurityClient, "Security-Client", '\0', HeaderShape.List),
            new(HeaderId.SecurityServer, "Security-Server", '\0', HeaderShape.List),
            new(HeaderId.SecurityVerify, "Security-Verify", '\0', HeaderShape.List),
            new(HeaderId.Server, "Server", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.ServiceRoute, "Service-Route", '\0', HeaderShape.List),
            new(HeaderId.SessionExpires, "Session-Expires", 'x', HeaderShape.AtMostOnce),
            new(HeaderId.SipETag, "SIP-ETag", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.SipIfMatch, "SIP-If-Match", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Subject, "Subject", 's', HeaderShape.AtMostOnce),
            new(HeaderId.SubscriptionState, "Subscription-State", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Supported, "Supported", 'k', HeaderShape.List),
            new(HeaderId.Timestamp, "Timestamp", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.To, "To", 't', HeaderShape.AtMostOnce),
            new(HeaderId.Unsupported, "Unsupported", '\0', HeaderShape.List),
            new(HeaderId.UserAgent, "User-Agent", '\0', HeaderShape.AtMostOnce),
            new(HeaderId.Via, "Via", 'v', HeaderShape.List),
            new(HeaderId.Warning, "Warning", '\0', HeaderShape.List),
            new(HeaderId.WwwAuthenticate, "WWW-Authenticate", '\0', HeaderShape.Repeatable),
        ];
        for (var i = 0; i < all.Length; i++)
        {
            if ((int)all[i].Id != i) throw new InvalidOperationException($"Header table out of order at {all[i].Name}.");
        }
        return all;
    }

    private static HeaderId[] CreateCompactTable()
    {
        var table = new HeaderId[128];
        foreach (var definition in Definitions)
        {
            if (definition.CompactForm != '\0') table[definition.CompactForm] = definition.Id;
        }
        return table;
    }

    private static HeaderDefinition[][] CreateLetterBuckets()
    {
        var buckets = new List<HeaderDefinition>[26];
        for (var i = 0; i < buckets.Length; i++) buckets[i] = [];
        foreach (var definition in Definitions.Skip(1))
        {
            buckets[char.ToLowerInvariant(definition.Name[0]) - 'a'].Add(definition);
        }
        return [.. buckets.Select(b => b.ToArray())];
    }
}
