using Huawu.Data.Campaigns;

namespace Huawu.ContactCenter.Compliance;

/// <summary>
/// The gate's answer. Allowed: the slot is taken (and the campaign's attempt written: <see cref="Attempt"/>). Refused: the
/// <see cref="Rule"/> and its <see cref="Detail"/>, and <see cref="RetryAt"/> when the refusal is only for now (hours, holidays, caps);
/// a refusal without one is final for the number (do-not-call, refusal, no consent, a bad number or caller ID).
/// </summary>
public sealed record GateVerdict(bool Allowed, string? Rule, string? Detail, DateTimeOffset? RetryAt, long? DecisionId, CallAttempt? Attempt)
{
    public bool IsFinal => !Allowed && RetryAt is null;

    public static GateVerdict Allow(long decisionId, CallAttempt? attempt) => new(true, null, null, null, decisionId, attempt);

    public static GateVerdict Refuse(string rule, string detail, DateTimeOffset? retryAt, long? decisionId) =>
        new(false, rule, detail, retryAt, decisionId, null);

    public override string ToString() => Allowed ? "allowed" : $"refused: {Rule} ({Detail}){(RetryAt is { } at ? $", retry at {at:O}" : ", final")}";
}
