namespace Huawu.Telephony.Calls;

/// <summary>Maps SIP final responses to hang-up causes and back.</summary>
public static class HangupCauses
{
    /// <summary>
    /// The cause of a failed outbound attempt from the SIP status that ended it, per RFC 3398 §8.2.6.1
    /// (SIP → ISUP), with 487 kept apart as <see cref="HangupCause.OriginatorCancel"/> so reports can tell an
    /// abandoned attempt from a failure.
    /// </summary>
    public static HangupCause FromSipStatus(int status) => status switch
    {
        400 or 481 or 500 or 503 => HangupCause.TemporaryFailure,
        401 or 402 or 403 or 407 or 603 => HangupCause.CallRejected,
        404 or 485 or 604 => HangupCause.UnallocatedNumber,
        405 => HangupCause.ServiceOrOptionNotAvailable,
        406 or 415 or 501 => HangupCause.ServiceOrOptionNotImplemented,
        408 or 504 => HangupCause.RecoveryOnTimerExpiry,
        410 => HangupCause.NumberChanged,
        480 => HangupCause.NoUserResponse,
        482 or 483 => HangupCause.ExchangeRoutingError,
        484 => HangupCause.InvalidNumberFormat,
        486 or 600 => HangupCause.UserBusy,
        487 => HangupCause.OriginatorCancel,
        488 or 606 => HangupCause.BearerCapabilityNotAvailable,
        502 => HangupCause.NetworkOutOfOrder,
        >= 200 and < 300 => HangupCause.NormalClearing,
        _ => HangupCause.Interworking,
    };

    /// <summary>
    /// The SIP status we answer an unanswered inbound INVITE with when we end it for <paramref name="cause"/>
    /// (RFC 3398 §7.2.4.1, ISUP → SIP).
    /// </summary>
    public static int ToSipStatus(HangupCause cause) => cause switch
    {
        HangupCause.UnallocatedNumber => 404,
        HangupCause.UserBusy => 486,
        HangupCause.NoUserResponse or HangupCause.NoAnswer => 480,
        HangupCause.CallRejected => 603,
        HangupCause.NumberChanged => 410,
        HangupCause.ExchangeRoutingError => 483,
        HangupCause.DestinationOutOfOrder => 502,
        HangupCause.InvalidNumberFormat => 484,
        HangupCause.NoCircuitAvailable or HangupCause.NetworkOutOfOrder or HangupCause.TemporaryFailure
            or HangupCause.SwitchingEquipmentCongestion => 503,
        HangupCause.BearerCapabilityNotAvailable or HangupCause.IncompatibleDestination => 488,
        HangupCause.ServiceOrOptionNotAvailable => 503,
        HangupCause.ServiceOrOptionNotImplemented => 501,
        HangupCause.RecoveryOnTimerExpiry => 504,
        HangupCause.OriginatorCancel => 487,
        _ => 480,
    };
}
