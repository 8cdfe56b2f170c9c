using System.Text.Json;

namespace Huawu.LoadTests.Node;

/// <summary>A campaign's status, its numbers by state and its attempts by outcome, as <c>GET /api/v1/campaigns/{id}</c> answers.</summary>
internal sealed record CampaignProgress(string Status, long Pending, long Dialing, long Done, IReadOnlyDictionary<string, long> AttemptsByOutcome)
{
    public long Attempts => AttemptsByOutcome.Values.Sum();

    public static CampaignProgress From(JsonElement detail)
    {
        var progress = detail.GetProperty("progress");
        return new CampaignProgress(
            detail.GetProperty("campaign").GetProperty("status").GetString()!,
            progress.GetProperty("pending").GetInt64(),
            progress.GetProperty("dialing").GetInt64(),
            progress.GetProperty("done").GetInt64(),
            progress.GetProperty("attemptsByOutcome").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal));
    }

    public string DescribeAttempts() =>
        AttemptsByOutcome.Count == 0 ? "none" : string.Join(", ", AttemptsByOutcome.OrderByDescending(a => a.Value).Select(a => $"{a.Value} {a.Key}"));
}
