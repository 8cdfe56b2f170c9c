using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Grading;

/// <summary>
/// Grades a call by the script's rules: the first rule whose condition holds (or that has none) gives the grade;
/// when none holds the call stays ungraded (null). Rules read the counters, the outcome, variables and slots.
/// </summary>
internal static class Grader
{
    public static string? Grade(IReadOnlyList<GradingRule> rules, IValueSource values) =>
        rules.FirstOrDefault(rule => rule.When is null || rule.When.IsTrue(values))?.Grade;
}
