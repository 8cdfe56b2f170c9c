using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Grading;

/// <summary>Grades calls the robot never spoke on (no answer, busy line, invalid number) by the same script rules.</summary>
public static class UnconnectedCall
{
    /// <summary>The grade of a call that did not connect, with its outcome (<c>no_answer</c>, <c>busy</c>, <c>invalid</c>…).</summary>
    public static string? Grade(Script script, string outcome)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(outcome);
        return Grader.Grade(script.Definition.Grading, new Values(outcome));
    }

    private sealed class Values(string outcome) : IValueSource
    {
        public ScriptValue Lookup(string name) => name switch
        {
            BuiltInNames.Connected => ScriptValue.Of(false),
            BuiltInNames.Outcome => ScriptValue.Of(outcome),
            BuiltInNames.Intent => ScriptValue.Null,
            _ when BuiltInNames.Counters.Contains(name) || name.StartsWith(BuiltInNames.HitsPrefix, StringComparison.Ordinal) => ScriptValue.Of(0),
            _ => ScriptValue.Null,
        };
    }
}
