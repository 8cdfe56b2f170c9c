using System.Text;

namespace Huawu.Sip.Headers;

/// <summary>The canonical name, compact form and shape of one known header, with its ready-made 400 reasons.</summary>
internal sealed class HeaderDefinition
{
    public HeaderDefinition(HeaderId id, string name, char compactForm, HeaderShape shape)
    {
        Id = id;
        Name = name;
        NameBytes = Encoding.ASCII.GetBytes(name);
        CompactForm = compactForm;
        Shape = shape;
        MissingReason = "Missing " + name;
        DuplicateReason = "Multiple " + name + " headers";
        MalformedReason = "Malformed " + name;
    }

    public HeaderId Id { get; }

    public string Name { get; }

    public byte[] NameBytes { get; }

    /// <summary>The RFC 3261 §7.3.3 / IANA compact form, or '\0' when there is none.</summary>
    public char CompactForm { get; }

    public HeaderShape Shape { get; }

    public string MissingReason { get; }

    public string DuplicateReason { get; }

    public string MalformedReason { get; }
}
