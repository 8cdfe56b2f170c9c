namespace Huawu.LoadTests.Runs;

/// <summary>The conditions a load step must meet, each with what was seen; the step holds when all are met.</summary>
internal sealed class Verdict
{
    private readonly List<(bool Met, string Condition)> _checks = [];

    public bool Holds => _checks.All(c => c.Met);

    public Verdict Require(bool met, string condition)
    {
        _checks.Add((met, condition));
        return this;
    }

    /// <summary>The conditions not met, one per line; empty when the step holds.</summary>
    public string Failures() => string.Join('\n', _checks.Where(c => !c.Met).Select(c => "  MISSED: " + c.Condition));
}
