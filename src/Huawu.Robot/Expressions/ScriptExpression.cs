namespace Huawu.Robot.Expressions;

/// <summary>Where a condition finds the values its names stand for (slots, variables, counters).</summary>
internal interface IValueSource
{
    ScriptValue Lookup(string name);
}

/// <summary>
/// A parsed condition (<c>amount &gt;= 50000 &amp;&amp; agree == true</c>, <c>outcome == "busy"</c>): used by
/// branches, routes and grading rules. Immutable; shared by every call running the script.
/// </summary>
internal abstract record ScriptExpression
{
    public abstract ScriptValue Evaluate(IValueSource values);

    /// <summary>Every name the expression reads, so the validator can refuse the ones nothing defines.</summary>
    public abstract IEnumerable<string> Names();

    public bool IsTrue(IValueSource values) => Evaluate(values).AsBoolean;
}

internal sealed record LiteralExpression(ScriptValue Value) : ScriptExpression
{
    public override ScriptValue Evaluate(IValueSource values) => Value;

    public override IEnumerable<string> Names() => [];
}

internal sealed record NameExpression(string Name) : ScriptExpression
{
    public override ScriptValue Evaluate(IValueSource values) => values.Lookup(Name);

    public override IEnumerable<string> Names() => [Name];
}

internal sealed record NotExpression(ScriptExpression Operand) : ScriptExpression
{
    public override ScriptValue Evaluate(IValueSource values) => ScriptValue.Of(!Operand.IsTrue(values));

    public override IEnumerable<string> Names() => Operand.Names();
}

internal sealed record LogicalExpression(bool IsAnd, ScriptExpression Left, ScriptExpression Right) : ScriptExpression
{
    // Short-circuit like C#: a right side that reads an unset slot is never consulted when the left decides.
    public override ScriptValue Evaluate(IValueSource values) =>
        ScriptValue.Of(IsAnd ? Left.IsTrue(values) && Right.IsTrue(values) : Left.IsTrue(values) || Right.IsTrue(values));

    public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
}

internal enum Comparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed record ComparisonExpression(Comparison Operator, ScriptExpression Left, ScriptExpression Right) : ScriptExpression
{
    public override ScriptValue Evaluate(IValueSource values)
    {
        var left = Left.Evaluate(values);
        var right = Right.Evaluate(values);
        return ScriptValue.Of(Operator switch
        {
            Comparison.Equal => ValuesEqual(left, right),
            Comparison.NotEqual => !ValuesEqual(left, right),
            _ => Order(left, right) is { } order && Operator switch
            {
                Comparison.Less => order < 0,
                Comparison.LessOrEqual => order <= 0,
                Comparison.Greater => order > 0,
                _ => order >= 0,
            },
        });
    }

    public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());

    private static bool ValuesEqual(ScriptValue left, ScriptValue right) => (left.Kind, right.Kind) switch
    {
        (ScriptValueKind.Null, ScriptValueKind.Null) => true,
        (ScriptValueKind.Null, _) or (_, ScriptValueKind.Null) => false,
        (ScriptValueKind.Number or ScriptValueKind.Boolean, ScriptValueKind.Number or ScriptValueKind.Boolean) => left.Number == right.Number,
        _ => string.Equals(left.ToString(), right.ToString(), StringComparison.Ordinal),
    };

    // Unset values and mixed kinds have no order: every ordering comparison with them is false.
    private static int? Order(ScriptValue left, ScriptValue right) => (left.Kind, right.Kind) switch
    {
        (ScriptValueKind.Number, ScriptValueKind.Number) => left.Number.CompareTo(right.Number),
        (ScriptValueKind.Text or ScriptValueKind.Date, ScriptValueKind.Text or ScriptValueKind.Date) =>
            string.CompareOrdinal(left.Text, right.Text),
        _ => null,
    };
}
