using Huawu.ContactCenter.Campaigns;
using Huawu.Data.Campaigns;
using NodaTime;

namespace Huawu.ContactCenter.Dialing;

// Callbacks the conversation asked for: planned inside the callee's hours and the campaign's schedule, settled with the attempt's end.
public sealed partial class Dialer
{
    /// <summary>The callback an answered call's conversation asked for; null when its outcome promises none or the number had its callbacks.</summary>
    private async Task<CallbackPlan?> PlanCallbackAsync(CampaignSettings settings, Func<Instant, Instant?> campaignOpens, string? listZone,
        QueuedContact contact, AskedCallback asked, DateTimeOffset endedAt)
    {
        if (!settings.Callbacks.Outcomes.Contains(asked.Outcome, StringComparer.Ordinal)) return null;
        if (await _gate.CalleeHoursAsync(contact.Phone, listZone, CancellationToken.None) is not { } callee) return null;
        return CallbackPlanner.Plan(asked, contact.Callbacks, settings.Callbacks, endedAt, callee, campaignOpens);
    }

    /// <summary>
    /// The attempt ends answered with the disposition <c>callback</c> and the time promised (the call's record says so too), and the number
    /// is due again then — one transaction, like every settlement.
    /// </summary>
    private static AttemptSettlement CallbackSettlement(long attemptId, AttemptEnd answered, CallbackPlan promised) =>
        new(new QueueRelease(QueueState.Pending, promised.At, CampaignOutcome.Callback, CountsAsAttempt: true) { CallbackAt = promised.At })
        {
            AttemptId = attemptId,
            End = answered with
            {
                DispositionCode = CampaignOutcome.Callback,
                Detail = $"the conversation ended '{answered.DispositionCode}': callback promised for {promised.At.UtcDateTime:yyyy-MM-dd HH:mm}Z ({promised.Because})",
                CallbackAt = promised.At,
            },
        };
}
