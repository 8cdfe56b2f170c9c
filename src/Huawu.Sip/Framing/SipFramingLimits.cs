namespace Huawu.Sip.Framing;

/// <summary>Bounds on what one stream message may occupy before the framer gives up on the connection.</summary>
public sealed record SipFramingLimits
{
    public static SipFramingLimits Default { get; } = new();

    /// <summary>The most bytes from the start line to the blank line ending the headers. Default 16 KiB.</summary>
    public int MaxHeaderBytes { get; init; } = 16 * 1024;

    /// <summary>The largest Content-Length accepted. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; init; } = 64 * 1024;
}
