using System.Text;

namespace Huawu.Telephony.Sdp;

/// <summary>Writes SDP in the line order of RFC 4566 §5, CRLF-terminated.</summary>
internal static class SdpWriter
{
    private const string SessionLinesBeforeConnection = "uep";
    private const string SessionLinesAfterTiming = "rzk";

    /// <summary>
    /// Without the origin the text is the description's content alone, which is what RFC 3264 §8 asks to
    /// compare when deciding whether a new description changed and needs a new o= version.
    /// </summary>
    public static string Write(SessionDescription description, bool includeOrigin)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', "0");
        if (includeOrigin) Line(text, 'o', description.Origin.ToString());
        // RFC 4566 §5.3: "s= " (one space) stands for "no name"; an empty value is not allowed.
        Line(text, 's', description.SessionName.Length == 0 ? " " : description.SessionName);
        if (description.Information is { } information) Line(text, 'i', information);
        Verbatim(text, description.OtherLines, SessionLinesBeforeConnection);
        if (description.Connection is { } connection) Line(text, 'c', connection.ToString());
        foreach (var bandwidth in description.Bandwidths) Line(text, 'b', bandwidth.ToString());
        foreach (var timing in description.Timings.DefaultIfEmpty(SdpTiming.Unbounded)) Line(text, 't', timing.ToString());
        Verbatim(text, description.OtherLines, SessionLinesAfterTiming);
        foreach (var attribute in description.Attributes) Line(text, 'a', attribute.ToString());
        foreach (var media in description.Media) WriteMedia(text, media);
        return text.ToString();
    }

    private static void WriteMedia(StringBuilder text, MediaDescription media)
    {
        Line(text, 'm', media.MediaLine);
        if (media.Information is { } information) Line(text, 'i', information);
        if (media.Connection is { } connection) Line(text, 'c', connection.ToString());
        foreach (var bandwidth in media.Bandwidths) Line(text, 'b', bandwidth.ToString());
        foreach (var line in media.OtherLines) Line(text, line.Type, line.Value);
        foreach (var attribute in media.Attributes) Line(text, 'a', attribute.ToString());
    }

    private static void Verbatim(StringBuilder text, IReadOnlyList<SdpLine> lines, string types)
    {
        foreach (var line in lines)
        {
            if (types.Contains(line.Type, StringComparison.Ordinal)) Line(text, line.Type, line.Value);
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
