using Huawu.ContactCenter.Campaigns;
using Huawu.Data.Campaigns;

namespace Huawu.ContactCenter.Dialing;

/// <summary>What becomes of a number after an attempt: answered and blocked are final; busy, no answer and failed are retried after their delay until their attempt limit.</summary>
public static class RetryPlanner
{
    /// <param name="attempts">The number's dialled attempts, this one included.</param>
    public static QueueRelease Plan(string outcome, int attempts, RetryRules rules, DateTimeOffset endedAt)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RetryRule? rule = outcome switch
        {
            CampaignOutcome.Busy => rules.Busy,
            CampaignOutcome.NoAnswer => rules.NoAnswer,
            CampaignOutcome.Failed => rules.Failed,
            _ => null,
        };
        return rule is null || attempts >= rule.MaxAttempts
            ? new QueueRelease(QueueState.Done, endedAt, outcome, CountsAsAttempt: true)
            : new QueueRelease(QueueState.Pending, endedAt.AddSeconds(rule.DelaySeconds), outcome, CountsAsAttempt: true);
    }
}
