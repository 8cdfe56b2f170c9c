namespace Huawu.Telephony.Sdp;

/// <summary>Lines inside a media description (RFC 4566 §5.14): i=, c=, b=, k= and a= only.</summary>
internal sealed partial class SdpParser
{
    internal sealed class MediaBuilder(string media, int port, int? portCount, string protocol, IReadOnlyList<string> formats)
    {
        private readonly List<SdpBandwidth> _bandwidths = [];
        private readonly List<SdpLine> _otherLines = [];
        private readonly List<SdpAttribute> _attributes = [];
        private string? _information;
        private SdpConnection? _connection;

        public string? Accept(char type, string value)
        {
            switch (type)
            {
                case 'i':
                    return SdpFields.Once(ref _information, value, "media-level i=");
                case 'c':
                    // RFC 4566 §5.7 allows several c= only for layered multicast, which a phone never sends.
                    if (_connection is not null) return "a second c= line in one media description";
                    return SdpFields.TryParseConnection(value, out _connection) ? null : $"c={value} needs <nettype> <addrtype> <address>";
                case 'b':
                    return SdpFields.AddBandwidth(_bandwidths, value);
                case 'k':
                    _otherLines.Add(new SdpLine(type, value));
                    return null;
                case 'a':
                    return SdpFields.AddAttribute(_attributes, value);
                case 'v' or 'o' or 's' or 'u' or 'e' or 'p' or 't' or 'r' or 'z':
                    return $"{type}= is a session-level line but appears after m={media}";
                default:
                    return $"unknown line type '{type}='";
            }
        }

        public MediaDescription Build() => new()
        {
            Media = media,
            Port = port,
            PortCount = portCount,
            Protocol = protocol,
            Formats = formats,
            Information = _information,
            Connection = _connection,
            Bandwidths = [.. _bandwidths],
            OtherLines = [.. _otherLines],
            Attributes = [.. _attributes],
        };
    }
}
