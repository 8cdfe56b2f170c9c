using System.Globalization;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Building;

// Adding, replacing and removing header lines, and composing the common header values.
public sealed partial class SipMessageBuilder
{
    public SipMessageBuilder AddHeader(HeaderId id, string value) => Insert(headers.Count, id, null, Text(value));

    /// <summary>Adds a header by name; a known name (full or compact) is stored under its canonical name.</summary>
    public SipMessageBuilder AddHeader(string name, string value)
    {
        SipText.EnsureToken(name, nameof(name));
        var id = HeaderNames.Lookup(name);
        return Insert(headers.Count, id, id == HeaderId.Unknown ? name : null, Text(value));
    }

    /// <summary>Adds a value copied verbatim from a received message.</summary>
    public SipMessageBuilder AddHeader(HeaderId id, ReadOnlyMemory<byte> value) => Insert(headers.Count, id, null, HeaderText.FromBytes(value));

    /// <summary>Adds a header above all others of its kind, as a proxy adds its Via (RFC 3261 §16.6 step 8).</summary>
    public SipMessageBuilder PrependHeader(HeaderId id, string value)
    {
        var index = IndexOf(id);
        return Insert(index < 0 ? headers.Count : index, id, null, Text(value));
    }

    /// <summary>Replaces every line of <paramref name="id"/> with one, where the first one was (or at the end).</summary>
    public SipMessageBuilder SetHeader(HeaderId id, string value)
    {
        var index = IndexOf(id);
        RemoveHeaders(id);
        return Insert(index < 0 ? headers.Count : index, id, null, Text(value));
    }

    /// <summary>
    /// Replaces the first line of <paramref name="id"/> in place, or puts the header first of all when absent: the
    /// top Via a server transport stamped with received and rport (RFC 3261 §18.2.1, RFC 3581 §4), and the Via a
    /// client transport gives a request once it knows the transport (§18.1.1).
    /// </summary>
    internal SipMessageBuilder SetFirst(HeaderId id, string value)
    {
        var index = IndexOf(id);
        if (index < 0) return Insert(0, id, null, Text(value));
        headers[index] = new BuiltHeader(id, null, Text(value));
        return this;
    }

    /// <summary>Removes every line of a known header; returns how many there were.</summary>
    public int RemoveHeaders(HeaderId id)
    {
        if (id == HeaderId.Unknown) return 0;
        var removed = 0;
        for (var i = headers.Count - 1; i >= 0; i--)
        {
            if (headers[i].Id != id) continue;
            headers.RemoveAt(i);
            removed++;
        }
        return removed;
    }

    /// <summary>Removes every line of a header by name (known or unknown).</summary>
    public int RemoveHeaders(string name)
    {
        var id = HeaderNames.Lookup(name);
        return id != HeaderId.Unknown
            ? RemoveHeaders(id)
            : headers.RemoveAll(h => h.Id == HeaderId.Unknown && string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Appends ";name=value" to the first line of <paramref name="id"/>: the To tag a UAS adds (RFC 3261
    /// §8.2.6.2), or the received/rport a server transport adds to the top Via (§18.2.1, RFC 3581 §4).
    /// </summary>
    public SipMessageBuilder AppendParameter(HeaderId id, string name, string? value = null)
    {
        SipText.EnsureToken(name, nameof(name));
        if (value is not null) SipText.EnsureSingleLine(value, nameof(value));
        var index = IndexOf(id);
        if (index < 0) throw new InvalidOperationException($"There is no {HeaderNames.GetName(id)} header to add '{name}' to.");
        var header = headers[index];
        headers[index] = header with { Value = header.Value.Append(value is null ? ";" + name : ";" + name + "=" + value) };
        return this;
    }

    /// <summary>The current value of the first line of <paramref name="id"/>, or null.</summary>
    public string? GetHeader(HeaderId id)
    {
        var index = IndexOf(id);
        return index < 0 ? null : headers[index].Value.ToString();
    }

    /// <summary>Via: SIP/2.0/{transport} {host}[:{port}];branch={branch}[;rport] (RFC 3261 §8.1.1.7, RFC 3581).</summary>
    public SipMessageBuilder AddVia(TransportProtocol transport, string host, int port, string branch, bool requestRport = false)
    {
        var sentBy = port > 0 ? host + ":" + port.ToString(CultureInfo.InvariantCulture) : host;
        var value = $"SIP/2.0/{TransportProtocols.NameOf(transport)} {sentBy};branch={branch}{(requestRport ? ";rport" : "")}";
        return AddHeader(HeaderId.Via, value);
    }

    /// <summary>Adds From or To (or any address header) as [display-name] &lt;uri&gt; [;tag=tag].</summary>
    public SipMessageBuilder AddAddress(HeaderId id, string uri, string? displayName = null, string? tag = null)
    {
        var name = string.IsNullOrEmpty(displayName) ? "" : SipText.Quote(displayName) + " ";
        return AddHeader(id, name + "<" + uri + ">" + (tag is null ? "" : ";tag=" + tag));
    }

    public SipMessageBuilder AddCallId(string callId) => AddHeader(HeaderId.CallId, callId);

    public SipMessageBuilder AddCSeq(uint number, SipMethod method) =>
        AddHeader(HeaderId.CSeq, number.ToString(CultureInfo.InvariantCulture) + " " + method.Name);

    public SipMessageBuilder AddMaxForwards(int hops = 70) =>
        AddHeader(HeaderId.MaxForwards, ((uint)hops <= 255 ? hops : throw new ArgumentOutOfRangeException(nameof(hops))).ToString(CultureInfo.InvariantCulture));

    private int IndexOf(HeaderId id)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Id == id) return i;
        }
        return -1;
    }

    private SipMessageBuilder Insert(int index, HeaderId id, string? name, HeaderText value)
    {
        if (id == HeaderId.Unknown && name is null) throw new ArgumentException("An unknown header needs a name.", nameof(id));
        // Content-Length is derived from the body when serializing (RFC 3261 §20.14), never taken from callers.
        if (id != HeaderId.ContentLength) headers.Insert(index, new BuiltHeader(id, name, value));
        return this;
    }

    private static HeaderText Text(string value)
    {
        SipText.EnsureSingleLine(value, nameof(value));
        return HeaderText.FromText(value);
    }
}
