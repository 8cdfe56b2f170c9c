using System.Globalization;

namespace Huawu.Testing.Peers;

/// <summary>
/// A SIP message as text (what a peer logged or what was captured on the wire), with the few reads tests make of it:
/// start line, method or status, headers by name or compact form, body.
/// </summary>
public abstract record SipMessageText(string Text)
{
    // RFC 3261 §7.3.3 compact forms of the headers tests look up.
    private static readonly Dictionary<string, string> CompactForms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Call-ID"] = "i", ["From"] = "f", ["To"] = "t", ["Via"] = "v", ["Contact"] = "m",
        ["Content-Type"] = "c", ["Content-Length"] = "l", ["Refer-To"] = "r", ["Event"] = "o",
    };

    public string StartLine => Text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? Text[..end] : Text;

    public bool IsRequest => !StartLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal);

    /// <summary>The request method, or the empty string for a response.</summary>
    public string Method => IsRequest ? StartLine.Split(' ')[0] : "";

    /// <summary>The response status code, or 0 for a request.</summary>
    public int StatusCode => IsRequest ? 0 : int.Parse(StartLine.AsSpan(8, 3), CultureInfo.InvariantCulture);

    public string? CallId => Header("Call-ID");

    /// <summary>The body after the blank line that ends the headers.</summary>
    public string Body => Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0 ? Text[(end + 4)..] : "";

    /// <summary>The value of the first header named <paramref name="name"/> (or its compact form), if any.</summary>
    public string? Header(string name) => Headers(name).FirstOrDefault();

    /// <summary>The values of every header named <paramref name="name"/> (or its compact form).</summary>
    public IEnumerable<string> Headers(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var compact = CompactForms.GetValueOrDefault(name);
        var headerBlock = Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0 ? Text[..end] : Text;
        foreach (var line in headerBlock.Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var field = line[..colon].Trim();
            if (field.Equals(name, StringComparison.OrdinalIgnoreCase) || (compact is not null && field.Equals(compact, StringComparison.OrdinalIgnoreCase)))
            {
                yield return line[(colon + 1)..].Trim();
            }
        }
    }
}
