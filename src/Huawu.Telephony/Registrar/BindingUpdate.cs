using Huawu.Sip.Transport;

namespace Huawu.Telephony.Registrar;

/// <summary>The REGISTER a binding change comes from: its Call-ID and CSeq, source and User-Agent.</summary>
internal readonly record struct RegisterOrigin(string CallId, uint CSeq, SipEndPoint Source, string? UserAgent);

internal enum BindingUpdateStatus
{
    Committed,

    /// <summary>RFC 3261 §10.3 step 7: same Call-ID, CSeq not higher than the binding's; nothing changed.</summary>
    OutOfOrder,

    /// <summary>The request itself asks for more contacts than an address-of-record may hold; nothing changed.</summary>
    TooManyContacts,
}
