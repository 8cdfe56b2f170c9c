using Huawu.Sip.Parsing;

namespace Huawu.Sip.Messages;

/// <summary>Where the parts of a Request-Line or Status-Line (RFC 3261 §7.1, §7.2) lie in the buffer.</summary>
internal readonly record struct StartLine(
    bool IsRequest,
    ByteRange Line,
    ByteRange Method,
    KnownMethod KnownMethod,
    ByteRange RequestUri,
    ByteRange Version,
    int StatusCode,
    ByteRange ReasonPhrase);
