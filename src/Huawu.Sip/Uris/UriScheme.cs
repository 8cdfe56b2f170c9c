namespace Huawu.Sip.Uris;

/// <summary>The URI schemes the stack understands structurally; any other absolute URI is <see cref="Other"/>.</summary>
public enum UriScheme : byte
{
    Other = 0,
    Sip,
    Sips,
    Tel,
}
