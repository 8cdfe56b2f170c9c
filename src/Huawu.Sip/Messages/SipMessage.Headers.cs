using System.Text;
using Huawu.Sip.Headers;

namespace Huawu.Sip.Messages;

// Raw access to the header table: every line as written, and the values of any header by id or name.
public sealed partial class SipMessage
{
    /// <summary>Every header line in its original order.</summary>
    public SipHeaderCollection Headers => new(buffer, headers);

    internal HeaderField[] HeaderTable => headers;

    public bool Contains(HeaderId id)
    {
        foreach (var field in headers)
        {
            if (field.Id == id) return true;
        }
        return false;
    }

    /// <summary>The first line of a known header.</summary>
    public bool TryGetHeader(HeaderId id, out SipHeader header)
    {
        foreach (var field in headers)
        {
            if (field.Id == id)
            {
                header = new SipHeader(buffer, field);
                return true;
            }
        }
        header = default;
        return false;
    }

    /// <summary>The first line of a header by name: full or compact form of a known header, or an unknown name.</summary>
    public bool TryGetHeader(string name, out SipHeader header)
    {
        var id = HeaderNames.Lookup(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        foreach (var field in headers)
        {
            if (field.Id == id && (id != HeaderId.Unknown || Ascii.EqualsIgnoreCase(field.Name.Of(buffer.Span), nameBytes)))
            {
                header = new SipHeader(buffer, field);
                return true;
            }
        }
        header = default;
        return false;
    }

    /// <summary>
    /// The values of a known header across all its lines: a list header (<see cref="HeaderShape.List"/>) is split
    /// at commas outside quotes and angle brackets; any other header yields one value per line.
    /// </summary>
    public HeaderElements<ReadOnlyMemory<byte>> GetValues(HeaderId id) =>
        new(this, id, HeaderNames.GetShape(id) == HeaderShape.List ? HeaderElementReaders.ListElement : HeaderElementReaders.WholeValue);

    /// <summary>The values of a header by name; unknown headers yield one value per line.</summary>
    public HeaderElements<ReadOnlyMemory<byte>> GetValues(string name)
    {
        var id = HeaderNames.Lookup(name);
        return id != HeaderId.Unknown
            ? GetValues(id)
            : new(this, HeaderId.Unknown, HeaderElementReaders.WholeValue, Encoding.UTF8.GetBytes(name));
    }
}
