namespace Huawu.Telephony.Sdp;

/// <summary>Session-level lines (RFC 4566 §5.1–§5.13), accepted in any order after v= as deployed phones do.</summary>
internal sealed partial class SdpParser
{
    private readonly List<SdpBandwidth> _bandwidths = [];
    private readonly List<SdpTiming> _timings = [];
    private readonly List<SdpLine> _otherLines = [];
    private readonly List<SdpAttribute> _attributes = [];
    private readonly List<MediaDescription> _media = [];
    private SdpOrigin? _origin;
    private string? _sessionName;
    private string? _information;
    private SdpConnection? _connection;

    private string? AcceptSessionLine(char type, string value)
    {
        switch (type)
        {
            case 'o':
                if (_origin is not null) return "a second o= line";
                return SdpFields.TryParseOrigin(value, out _origin) ? null : $"o={value} needs <username> <sess-id> <sess-version> <nettype> <addrtype> <address>";
            case 's':
                return SdpFields.Once(ref _sessionName, value, "s=");
            case 'i':
                return SdpFields.Once(ref _information, value, "i=");
            case 'c':
                if (_connection is not null) return "a second session-level c= line";
                return SdpFields.TryParseConnection(value, out _connection) ? null : $"c={value} needs <nettype> <addrtype> <address>";
            case 'b':
                return SdpFields.AddBandwidth(_bandwidths, value);
            case 't':
                if (!SdpFields.TryParseTiming(value, out var timing)) return $"t={value} needs <start> <stop>";
                _timings.Add(timing);
                return null;
            case 'r':
                // RFC 4566 §5.10: repeat times belong to the t= line before them.
                if (_timings.Count == 0) return "r= before any t= line";
                _otherLines.Add(new SdpLine(type, value));
                return null;
            case 'u' or 'e' or 'p' or 'z' or 'k':
                _otherLines.Add(new SdpLine(type, value));
                return null;
            case 'a':
                return SdpFields.AddAttribute(_attributes, value);
            case 'v':
                return "a second v= line";
            default:
                // RFC 4566 §5: a parser must not guess at a type letter it does not know.
                return $"unknown line type '{type}='";
        }
    }

    private SessionDescription BuildSession(SdpOrigin origin) => new()
    {
        Origin = origin,
        SessionName = _sessionName ?? "-",
        Information = _information,
        Connection = _connection,
        Bandwidths = [.. _bandwidths],
        Timings = [.. _timings],
        OtherLines = [.. _otherLines],
        Attributes = [.. _attributes],
        Media = [.. _media],
    };
}
