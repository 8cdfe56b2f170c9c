namespace Huawu.Sip.Parsing;

/// <summary>Limits that keep a hostile or broken peer from making the parser do unbounded work.</summary>
public sealed record SipParserOptions
{
    public static SipParserOptions Default { get; } = new();

    /// <summary>The largest message accepted, start line to end of body. Default 65535, the largest UDP datagram.</summary>
    public int MaxMessageBytes { get; init; } = 65535;

    /// <summary>The longest header line (folded continuations included) and start line. Default 8192.</summary>
    public int MaxHeaderLineBytes { get; init; } = 8192;

    /// <summary>The most header lines in one message. Default 256.</summary>
    public int MaxHeaderCount { get; init; } = 256;
}
