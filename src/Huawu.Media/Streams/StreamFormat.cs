using Huawu.Media.Audio;
using Huawu.Media.Codecs;
using Huawu.Media.Jitter;

namespace Huawu.Media.Streams;

/// <summary>
/// Everything a stream derives from its negotiated codec, built once per (re)negotiation and swapped in
/// whole so a tick never sees half of an old format and half of a new one.
/// </summary>
internal sealed class StreamFormat
{
    public StreamFormat(MediaStreamParameters parameters, JitterBufferOptions jitterOptions)
    {
        var codec = parameters.Codec;
        if (codec.Channels != 1) throw new ArgumentException("Streams carry mono audio.", nameof(parameters));
        Codec = codec;
        PayloadType = parameters.PayloadType;
        TelephoneEventPayloadType = parameters.TelephoneEventPayloadType;
        Encoder = codec.CreateEncoder();
        Decoder = codec.CreateDecoder();
        JitterBuffer = new JitterBuffer(Decoder, codec.ClockRate, codec.SampleRate, jitterOptions);
        ReceivedFrame = new PcmFrame(codec.SampleRate);
        SentFrame = new PcmFrame(codec.SampleRate);
        TimestampUnitsPerFrame = codec.ClockRate / 50;
    }

    public IAudioCodec Codec { get; }

    public byte PayloadType { get; }

    public byte? TelephoneEventPayloadType { get; }

    public IAudioEncoder Encoder { get; }

    public IAudioDecoder Decoder { get; }

    public JitterBuffer JitterBuffer { get; }

    public PcmFrame ReceivedFrame { get; }

    public PcmFrame SentFrame { get; }

    /// <summary>RTP timestamp units per 20 ms tick.</summary>
    public int TimestampUnitsPerFrame { get; }

    /// <summary>Whether <paramref name="parameters"/> keep this format (only the address or direction changed).</summary>
    public bool Matches(MediaStreamParameters parameters) =>
        parameters.Codec == Codec && parameters.PayloadType == PayloadType && parameters.TelephoneEventPayloadType == TelephoneEventPayloadType;
}
