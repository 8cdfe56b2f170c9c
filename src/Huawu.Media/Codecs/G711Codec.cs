namespace Huawu.Media.Codecs;

/// <summary>
/// G.711 as an <see cref="IAudioCodec"/>: one byte per sample at 8 kHz (RFC 3551 §4.5.14). The coder is
/// stateless, so one instance serves as encoder and decoder for every stream.
/// </summary>
internal sealed class G711Codec : IAudioCodec, IAudioEncoder, IAudioDecoder
{
    private readonly bool _isMuLaw;

    private G711Codec(string encodingName, byte payloadType, bool isMuLaw)
    {
        EncodingName = encodingName;
        DefaultPayloadType = payloadType;
        _isMuLaw = isMuLaw;
    }

    /// <summary>PCMU, static payload type 0 (RFC 3551 Table 4).</summary>
    public static G711Codec MuLaw { get; } = new("PCMU", 0, isMuLaw: true);

    /// <summary>PCMA, static payload type 8 (RFC 3551 Table 4).</summary>
    public static G711Codec ALaw { get; } = new("PCMA", 8, isMuLaw: false);

    public string EncodingName { get; }

    public byte DefaultPayloadType { get; }

    public int ClockRate => 8000;

    public int SampleRate => 8000;

    public int Channels => 1;

    public IAudioEncoder CreateEncoder() => this;

    public IAudioDecoder CreateDecoder() => this;

    public int GetMaxEncodedLength(int sampleCount) => sampleCount;

    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if (_isMuLaw) G711.EncodeMuLaw(pcm, payload);
        else G711.EncodeALaw(pcm, payload);
        return pcm.Length;
    }

    public int GetSampleCount(ReadOnlySpan<byte> payload) => payload.Length;

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (_isMuLaw) G711.DecodeMuLaw(payload, pcm);
        else G711.DecodeALaw(payload, pcm);
        return payload.Length;
    }
}
