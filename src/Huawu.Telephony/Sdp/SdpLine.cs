namespace Huawu.Telephony.Sdp;

/// <summary>
/// A line kept verbatim because nothing here interprets it: u=, e=, p=, r=, z= and k= (RFC 4566 §5.5,
/// §5.6, §5.10–§5.12). It is written back in its RFC 4566 §5 position so a description round-trips.
/// </summary>
public sealed record SdpLine(char Type, string Value)
{
    public override string ToString() => $"{Type}={Value}";
}
