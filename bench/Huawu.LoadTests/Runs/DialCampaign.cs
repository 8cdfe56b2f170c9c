namespace Huawu.LoadTests.Runs;

/// <summary>One step's campaign: <see cref="Contacts"/> numbers at <see cref="Rate"/> calls/s over <see cref="Trunks"/> trunks, at most <see cref="MaxConcurrent"/> at once.</summary>
internal sealed record DialCampaign(int Rate, int Contacts, int Trunks, int MaxConcurrent)
{
    public double RatePerTrunk => (double)Rate / Trunks;
}
