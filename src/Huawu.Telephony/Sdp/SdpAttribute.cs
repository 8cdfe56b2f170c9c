namespace Huawu.Telephony.Sdp;

/// <summary>
/// <c>a=&lt;name&gt;</c> or <c>a=&lt;name&gt;:&lt;value&gt;</c> (RFC 4566 §5.13). Every attribute is kept in order,
/// known or not, so descriptions round-trip; typed readers such as <see cref="SdpRtpMap"/> interpret them.
/// </summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
