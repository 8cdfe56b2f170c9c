using Huawu.Sip.Parsing;

namespace Huawu.Sip.Uris;

/// <summary>Where the parts of one URI lie in its buffer. Absent parts are empty ranges; an absent port is -1.</summary>
internal readonly record struct UriRanges(
    ByteRange Whole,
    UriScheme Scheme,
    ByteRange User,
    ByteRange Password,
    ByteRange Host,
    int Port,
    ByteRange Parameters,
    ByteRange Headers);
