namespace Huawu.Telephony.Sdp;

/// <summary>The static audio payload types of RFC 3551 §6, Table 4, for m= lines that carry no a=rtpmap.</summary>
internal static class StaticAudioPayloadTypes
{
    private static readonly Dictionary<int, RtpFormat> Table = new RtpFormat[]
    {
        new(0, "PCMU", 8000, 1),
        new(3, "GSM", 8000, 1),
        new(4, "G723", 8000, 1),
        new(5, "DVI4", 8000, 1),
        new(6, "DVI4", 16000, 1),
        new(7, "LPC", 8000, 1),
        new(8, "PCMA", 8000, 1),
        new(9, "G722", 8000, 1),
        new(10, "L16", 44100, 2),
        new(11, "L16", 44100, 1),
        new(12, "QCELP", 8000, 1),
        new(13, "CN", 8000, 1),
        new(14, "MPA", 90000, 1),
        new(15, "G728", 8000, 1),
        new(16, "DVI4", 11025, 1),
        new(17, "DVI4", 22050, 1),
        new(18, "G729", 8000, 1),
    }.ToDictionary(f => f.PayloadType);

    public static bool TryGet(int payloadType, out RtpFormat format) => Table.TryGetValue(payloadType, out format);
}
