namespace Huawu.Sip.Dialogs;

/// <summary>The fixed parts of a dialog's state (RFC 3261 §12.1.1, §12.1.2), gathered to create it.</summary>
internal sealed record DialogIdentity(
    string CallId,
    string LocalTag,
    string RemoteTag,
    string LocalAddress,
    string RemoteAddress,
    bool IsCaller,
    bool IsSecure,
    uint LocalSequence,
    uint? RemoteSequence);
