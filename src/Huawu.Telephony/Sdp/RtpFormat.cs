namespace Huawu.Telephony.Sdp;

/// <summary>
/// A format of an RTP m= line resolved to its encoding: from a=rtpmap, or for static payload types
/// without one, from RFC 3551 §6 Table 4 (RFC 3264 §5.1: static types need no rtpmap).
/// </summary>
internal readonly record struct RtpFormat(int PayloadType, string EncodingName, int ClockRate, int Channels)
{
    public bool IsTelephoneEvent(int clockRate) =>
        ClockRate == clockRate && string.Equals(EncodingName, AudioCodec.TelephoneEventName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The formats of <paramref name="media"/> in its own order, skipping those that cannot be resolved.</summary>
    public static List<RtpFormat> ResolveAll(MediaDescription media)
    {
        var formats = new List<RtpFormat>(media.Formats.Count);
        foreach (var format in media.Formats)
        {
            if (!SdpNumbers.TryParsePayloadType(format, out var payloadType)) continue;
            if (media.FindRtpMap(payloadType) is { } rtpMap)
            {
                // RFC 4566 §6: for audio the encoding parameter is the channel count, 1 when absent.
                var channels = int.TryParse(rtpMap.EncodingParameters, out var count) ? count : 1;
                formats.Add(new RtpFormat(payloadType, rtpMap.EncodingName, rtpMap.ClockRate, channels));
            }
            else if (StaticAudioPayloadTypes.TryGet(payloadType, out var known))
            {
                formats.Add(known);
            }
        }
        return formats;
    }
}
