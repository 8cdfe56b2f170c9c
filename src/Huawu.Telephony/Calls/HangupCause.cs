namespace Huawu.Telephony.Calls;

/// <summary>
/// Why a call ended, in the ITU-T Q.850 vocabulary carriers, CDRs and call-center reports use. The numeric
/// values are the Q.850 cause codes, so they can be written to call records and Reason headers as they are.
/// </summary>
public enum HangupCause
{
    UnallocatedNumber = 1,
    NormalClearing = 16,
    UserBusy = 17,
    NoUserResponse = 18,
    NoAnswer = 19,
    CallRejected = 21,
    NumberChanged = 22,

    /// <summary>Another phone of the same extension answered first (Q.850 #26, "non-selected user clearing").</summary>
    NonSelectedUserClearing = 26,

    ExchangeRoutingError = 25,
    DestinationOutOfOrder = 27,
    InvalidNumberFormat = 28,
    NormalUnspecified = 31,
    NoCircuitAvailable = 34,
    NetworkOutOfOrder = 38,
    TemporaryFailure = 41,
    SwitchingEquipmentCongestion = 42,
    BearerCapabilityNotAvailable = 58,
    ServiceOrOptionNotAvailable = 63,
    ServiceOrOptionNotImplemented = 79,
    IncompatibleDestination = 88,
    RecoveryOnTimerExpiry = 102,
    Interworking = 127,

    /// <summary>Not Q.850: the caller gave up before answer (SIP CANCEL / 487).</summary>
    OriginatorCancel = 487,

    /// <summary>Not Q.850: no RTP arrived for the configured time.</summary>
    MediaTimeout = 1001,

    /// <summary>Not Q.850: the call was handed to another party by a transfer.</summary>
    Transferred = 1002,
}
