using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Messages;

/// <summary>
/// What the parser checked and located for every message: the parts a transport, transaction and dialog
/// layer read on each message (RFC 3261 §8.1.1, §17.1.3, §17.2.3), kept as ranges so reading them is free.
/// </summary>
internal readonly record struct MessageEssentials(
    UriRanges RequestUri,
    ViaRanges TopVia,
    NameAddressRanges From,
    NameAddressRanges To,
    ByteRange CallId,
    uint CSeqNumber,
    KnownMethod CSeqKnownMethod,
    ByteRange CSeqMethod,
    int MaxForwards);
