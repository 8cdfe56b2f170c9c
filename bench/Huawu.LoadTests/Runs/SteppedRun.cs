using System.Globalization;

namespace Huawu.LoadTests.Runs;

/// <summary>The shape every run shares: its steps in order, each reported, until the first that does not hold.</summary>
internal static class SteppedRun
{
    /// <summary>Runs a step per value in its own directory (<c>prefix-value</c>); the highest value that held and its step, or null.</summary>
    public static async Task<(int Value, TStep Step)?> UntilOneMissesAsync<TStep>(
        IEnumerable<int> values, string directory, string prefix, RunReport report, Func<int, string, Task<TStep>> runStep)
        where TStep : ILoadStep
    {
        (int, TStep)? highest = null;
        foreach (var value in values)
        {
            var step = await runStep(value, RunDirectory.Step(directory, prefix + "-" + value.ToString(CultureInfo.InvariantCulture)));
            foreach (var line in step.Describe()) report.Line(line);
            if (!step.Verdict.Holds) break;
            highest = (value, step);
        }
        return highest;
    }
}
