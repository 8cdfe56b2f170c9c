using Huawu.ContactCenter.Campaigns;
using Huawu.Data.Calls;
using Huawu.Telephony.Calls;

namespace Huawu.ContactCenter.Dialing;

/// <summary>An attempt's outcome from what telephony answered, or — after a crash — from the call's record.</summary>
public static class OutcomeMapper
{
    public static (string Outcome, string Detail) FromOriginate(OriginateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsAnswered) return (CampaignOutcome.Answered, "answered");
        return (FromCause(result.Cause), $"{result.Cause} ({(int)result.Cause}): {result.Reason}");
    }

    /// <summary>
    /// A call placed before a crash, by its record (closed at the restart by the call records service): answered if it was, else by its
    /// hang-up cause. No record: the node stopped before the call was recorded or placed — failed, so the retry rules decide.
    /// </summary>
    public static (string Outcome, string Detail) FromRecord(CallRecord? record)
    {
        if (record is null) return (CampaignOutcome.Failed, "interrupted: the node stopped before the call was recorded");
        if (record.AnsweredAt is not null) return (CampaignOutcome.Answered, $"answered; ended {record.HangupCause ?? "at the restart"}");
        var cause = Enum.TryParse<HangupCause>(record.HangupCause, out var parsed) ? parsed : HangupCause.NormalUnspecified;
        return (FromCause(cause), $"{record.HangupCause ?? "not ended"} (from the call record after a restart)");
    }

    // RFC 3398 §7.2.4.1: 486/600 are "user busy"; 408/480 and our ring timeout "no answer"/"no user responding".
    private static string FromCause(HangupCause cause) => cause switch
    {
        HangupCause.UserBusy => CampaignOutcome.Busy,
        HangupCause.NoAnswer or HangupCause.NoUserResponse => CampaignOutcome.NoAnswer,
        _ => CampaignOutcome.Failed,
    };
}
