namespace Huawu.Media.Codecs;

/// <summary>
/// An audio codec as SDP and RTP see it (RFC 3551 §4.5, RFC 4566 a=rtpmap) plus factories for its
/// per-stream encoder and decoder (stateful codecs such as G.722 or Opus need one each per stream).
/// </summary>
public interface IAudioCodec
{
    /// <summary>The rtpmap encoding name, e.g. <c>PCMU</c>.</summary>
    string EncodingName { get; }

    /// <summary>The static payload type (RFC 3551 Table 4), or the preferred dynamic one (96–127).</summary>
    byte DefaultPayloadType { get; }

    /// <summary>The RTP timestamp clock rate in Hz (8000 for G.711, also 8000 for G.722 by RFC 3551 §4.5.2).</summary>
    int ClockRate { get; }

    /// <summary>The PCM sample rate the codec consumes and produces, in Hz.</summary>
    int SampleRate { get; }

    int Channels { get; }

    IAudioEncoder CreateEncoder();

    IAudioDecoder CreateDecoder();
}

/// <summary>Encodes PCM frames to RTP payloads.</summary>
public interface IAudioEncoder
{
    /// <summary>The most payload bytes <see cref="Encode"/> writes for <paramref name="sampleCount"/> samples.</summary>
    int GetMaxEncodedLength(int sampleCount);

    /// <summary>Encodes <paramref name="pcm"/> into <paramref name="payload"/> and returns the bytes written.</summary>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> payload);
}

/// <summary>Decodes RTP payloads to PCM.</summary>
public interface IAudioDecoder
{
    /// <summary>How many PCM samples <paramref name="payload"/> decodes to.</summary>
    int GetSampleCount(ReadOnlySpan<byte> payload);

    /// <summary>Decodes <paramref name="payload"/> into <paramref name="pcm"/> and returns the samples written.</summary>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);
}
