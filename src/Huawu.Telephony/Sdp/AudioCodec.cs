namespace Huawu.Telephony.Sdp;

/// <summary>An RTP audio format: payload type, encoding name and clock rate as in a=rtpmap (RFC 4566 §6).</summary>
public sealed record AudioCodec(int PayloadType, string Name, int ClockRate)
{
    /// <summary>G.711 µ-law, static payload type 0 (RFC 3551 §6, Table 4).</summary>
    public static AudioCodec Pcmu { get; } = new(0, "PCMU", 8000);

    /// <summary>G.711 A-law, static payload type 8 (RFC 3551 §6, Table 4).</summary>
    public static AudioCodec Pcma { get; } = new(8, "PCMA", 8000);

    /// <summary>RFC 4733 §7.1.1: DTMF events travel as "telephone-event" at the audio clock rate.</summary>
    public const string TelephoneEventName = "telephone-event";

    internal bool Matches(RtpFormat format) =>
        string.Equals(Name, format.EncodingName, StringComparison.OrdinalIgnoreCase)
        && ClockRate == format.ClockRate
        && format.Channels == 1;
}
