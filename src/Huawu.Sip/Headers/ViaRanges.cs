using Huawu.Sip.Parsing;

namespace Huawu.Sip.Headers;

/// <summary>
/// Where the parts of one via-parm lie in the buffer. Port and Ttl are -1 when absent; Rport is -1 when absent,
/// 0 for a bare ";rport" (RFC 3581 request) and the port when filled in.
/// </summary>
internal readonly record struct ViaRanges(
    ByteRange Whole,
    ByteRange ProtocolName,
    ByteRange ProtocolVersion,
    ByteRange Transport,
    ByteRange Host,
    int Port,
    ByteRange Parameters,
    ByteRange Branch,
    ByteRange Received,
    int Rport,
    ByteRange Maddr,
    int Ttl);
