using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Uris;

/// <summary>The headers component of a SIP URI (RFC 3261 §19.1.1): hname=hvalue pairs joined by '&amp;'.</summary>
public readonly struct SipUriHeaders
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly ByteRange range;

    internal SipUriHeaders(ReadOnlyMemory<byte> source, ByteRange range)
    {
        this.source = source;
        this.range = range;
    }

    public bool IsEmpty => range.IsEmpty;

    /// <summary>The decoded value of the header named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? GetValue(string name)
    {
        var text = range.Of(source.Span);
        foreach (var pair in text.Split((byte)'&'))
        {
            var item = text[pair];
            var equals = item.IndexOf((byte)'=');
            if (equals < 0) continue;
            if (string.Equals(PercentEncoding.Decode(item[..equals]), name, StringComparison.OrdinalIgnoreCase))
            {
                return PercentEncoding.Decode(item[(equals + 1)..]);
            }
        }
        return null;
    }

    public override string ToString() => Encoding.UTF8.GetString(range.Of(source.Span));
}
