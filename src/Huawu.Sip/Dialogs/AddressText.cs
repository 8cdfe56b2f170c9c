using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Dialogs;

/// <summary>Address values as a dialog stores them: in name-addr form, without the tag that the dialog ID keeps.</summary>
internal static class AddressText
{
    /// <summary>"Display" &lt;uri&gt; plus every header parameter except tag.</summary>
    public static string WithoutTag(NameAddress address)
    {
        var raw = address.RawBytes;
        var parameters = address.Parameters.RawBytes;
        var head = parameters.IsEmpty || !raw.Overlaps(parameters, out var offset) ? raw : raw[..offset];
        // A folded value (RFC 3261 §7.3.1) becomes one line.
        var text = new StringBuilder(FoldedText.ToUnfoldedString(head).TrimEnd());
        if (!address.HasAngleBrackets) text.Insert(0, '<').Append('>');
        foreach (var parameter in address.Parameters)
        {
            if (parameter.NameEquals("tag"u8)) continue;
            text.Append(';').Append(Encoding.UTF8.GetString(parameter.NameBytes));
            if (!parameter.HasValue) continue;
            var value = Encoding.UTF8.GetString(parameter.ValueBytes);
            text.Append('=').Append(parameter.IsQuoted ? "\"" + value + "\"" : value);
        }
        return text.ToString();
    }

    public static string WithTag(string address, string tag) => address + ";tag=" + tag;
}
