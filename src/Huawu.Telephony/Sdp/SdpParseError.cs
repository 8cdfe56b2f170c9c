namespace Huawu.Telephony.Sdp;

/// <summary>Why a session description was rejected: the 1-based line and a reason fit for a log or a 400/488 reason phrase.</summary>
public readonly record struct SdpParseError(int LineNumber, string Reason)
{
    public override string ToString() => $"SDP line {LineNumber}: {Reason}";
}
