using System.Buffers;

namespace Huawu.Sip.Framing;

/// <summary>One result of <see cref="SipStreamFramer.Read"/>.</summary>
public readonly struct SipFrame
{
    internal SipFrame(SipFrameKind kind, ReadOnlySequence<byte> message, string? error)
    {
        Kind = kind;
        Message = message;
        Error = error;
    }

    public SipFrameKind Kind { get; }

    /// <summary>For <see cref="SipFrameKind.Message"/>: the message bytes, a slice of the buffer that was read.</summary>
    public ReadOnlySequence<byte> Message { get; }

    /// <summary>For <see cref="SipFrameKind.Error"/>: why the stream was given up, for the log.</summary>
    public string? Error { get; }
}
