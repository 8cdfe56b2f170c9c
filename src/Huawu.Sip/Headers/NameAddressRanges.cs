using Huawu.Sip.Parsing;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Headers;

/// <summary>Where the parts of one name-addr / addr-spec value with its parameters lie in the buffer.</summary>
internal readonly record struct NameAddressRanges(
    ByteRange Whole,
    ByteRange DisplayName,
    bool IsDisplayNameQuoted,
    UriRanges Uri,
    bool HasAngleBrackets,
    ByteRange Parameters,
    ByteRange Tag,
    bool IsWildcard);
