using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Headers;

/// <summary>
/// One Via value (RFC 3261 §20.42): sent-protocol, sent-by and the parameters transactions and transports
/// read (branch, received, rport, maddr, ttl), as a view over the message bytes.
/// </summary>
public readonly struct ViaHeader
{
    /// <summary>RFC 3261 §8.1.1.7: branch IDs of RFC 3261 elements start with this magic cookie.</summary>
    public static ReadOnlySpan<byte> MagicCookie => "z9hG4bK"u8;

    private readonly ReadOnlyMemory<byte> source;
    private readonly ViaRanges ranges;

    internal ViaHeader(ReadOnlyMemory<byte> source, ViaRanges ranges)
    {
        this.source = source;
        this.ranges = ranges;
    }

    public ReadOnlySpan<byte> ProtocolNameBytes => ranges.ProtocolName.Of(source.Span);

    public ReadOnlySpan<byte> ProtocolVersionBytes => ranges.ProtocolVersion.Of(source.Span);

    /// <summary>The transport as written ("UDP", "TLS", "UNKNOWN").</summary>
    public ReadOnlySpan<byte> TransportBytes => ranges.Transport.Of(source.Span);

    public TransportProtocol Transport => TransportProtocols.Recognize(TransportBytes);

    /// <summary>The sent-by host as written; an IPv6 reference keeps its brackets.</summary>
    public ReadOnlySpan<byte> HostBytes => ranges.Host.Of(source.Span);

    public string Host => Encoding.ASCII.GetString(HostBytes);

    public bool HasPort => ranges.Port >= 0;

    /// <summary>The sent-by port, or 0 when absent (RFC 3261 §18.2.2: the transport's default then applies).</summary>
    public int Port => Math.Max(ranges.Port, 0);

    public bool HasBranch => !ranges.Branch.IsEmpty;

    public ReadOnlySpan<byte> BranchBytes => ranges.Branch.Of(source.Span);

    public string? Branch => HasBranch ? Encoding.UTF8.GetString(BranchBytes) : null;

    /// <summary>
    /// Whether the branch starts with the magic cookie and has more after it, so RFC 3261 §17.2.3 transaction
    /// matching applies. A bare cookie (RFC 4475 §3.2.1 "badbranch") or none at all (§3.4.1 "inv2543")
    /// falls back to RFC 2543 matching.
    /// </summary>
    public bool HasRfc3261Branch => BranchBytes.Length > MagicCookie.Length && BranchBytes.StartsWith(MagicCookie);

    public ReadOnlySpan<byte> ReceivedBytes => ranges.Received.Of(source.Span);

    public string? Received => ranges.Received.IsEmpty ? null : Encoding.ASCII.GetString(ReceivedBytes);

    /// <summary>Whether the rport parameter is present (RFC 3581), with or without a value.</summary>
    public bool HasRport => ranges.Rport >= 0;

    /// <summary>The rport value, or 0 when absent or requested without a value.</summary>
    public int Rport => Math.Max(ranges.Rport, 0);

    public ReadOnlySpan<byte> MaddrBytes => ranges.Maddr.Of(source.Span);

    public string? Maddr => ranges.Maddr.IsEmpty ? null : Encoding.ASCII.GetString(MaddrBytes);

    /// <summary>The ttl parameter, or -1 when absent.</summary>
    public int Ttl => ranges.Ttl;

    public SipParameters Parameters => new(source, ranges.Parameters, isUriParameters: false);

    public ReadOnlySpan<byte> RawBytes => ranges.Whole.Of(source.Span);

    public ReadOnlyMemory<byte> RawMemory => ranges.Whole.Of(source);

    public static bool TryParse(string text, out ViaHeader via)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new SipReader(bytes, new ByteRange(0, bytes.Length));
        var ok = ViaParser.TryRead(ref reader, out var ranges) && ListSyntax.IsAtEnd(ref reader);
        via = ok ? new ViaHeader(bytes, ranges) : default;
        return ok;
    }

    public override string ToString() => Encoding.UTF8.GetString(RawBytes);
}
