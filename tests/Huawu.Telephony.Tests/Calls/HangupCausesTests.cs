using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Tests.Calls;

public class HangupCausesTests
{
    // RFC 3398 §8.2.6.1: the SIP → ISUP cause table, the rows a call center meets every day.
    [Theory]
    [InlineData(404, HangupCause.UnallocatedNumber)]
    [InlineData(486, HangupCause.UserBusy)]
    [InlineData(600, HangupCause.UserBusy)]
    [InlineData(480, HangupCause.NoUserResponse)]
    [InlineData(403, HangupCause.CallRejected)]
    [InlineData(603, HangupCause.CallRejected)]
    [InlineData(408, HangupCause.RecoveryOnTimerExpiry)]
    [InlineData(484, HangupCause.InvalidNumberFormat)]
    [InlineData(488, HangupCause.BearerCapabilityNotAvailable)]
    [InlineData(502, HangupCause.NetworkOutOfOrder)]
    [InlineData(503, HangupCause.TemporaryFailure)]
    [InlineData(410, HangupCause.NumberChanged)]
    [InlineData(487, HangupCause.OriginatorCancel)]
    [InlineData(200, HangupCause.NormalClearing)]
    [InlineData(499, HangupCause.Interworking)]
    public void A_final_response_maps_to_its_rfc_3398_cause(int status, HangupCause expected) =>
        Assert.Equal(expected, HangupCauses.FromSipStatus(status));

    [Theory]
    [InlineData(HangupCause.UserBusy, 486)]
    [InlineData(HangupCause.UnallocatedNumber, 404)]
    [InlineData(HangupCause.CallRejected, 603)]
    [InlineData(HangupCause.NoAnswer, 480)]
    [InlineData(HangupCause.BearerCapabilityNotAvailable, 488)]
    [InlineData(HangupCause.TemporaryFailure, 503)]
    [InlineData(HangupCause.OriginatorCancel, 487)]
    public void A_cause_maps_to_the_status_that_rejects_an_inbound_invite(HangupCause cause, int expected) =>
        Assert.Equal(expected, HangupCauses.ToSipStatus(cause));

    [Theory]
    [InlineData(404)]
    [InlineData(486)]
    [InlineData(603)]
    [InlineData(484)]
    [InlineData(488)]
    [InlineData(487)]
    public void Common_rejections_survive_a_round_trip(int status) =>
        Assert.Equal(status, HangupCauses.ToSipStatus(HangupCauses.FromSipStatus(status)));
}
