using Huawu.Robot.Expressions;

namespace Huawu.Robot.Tests.Expressions;

public sealed class ExpressionTests
{
    private sealed class Values(Dictionary<string, ScriptValue> values) : IValueSource
    {
        public ScriptValue Lookup(string name) => values.GetValueOrDefault(name);
    }

    private static readonly Values Call = new(new Dictionary<string, ScriptValue>
    {
        ["amount"] = ScriptValue.Of(50000),
        ["agree"] = ScriptValue.Of(true),
        ["outcome"] = ScriptValue.Of("busy"),
        ["day"] = ScriptValue.Of(new DateOnly(2026, 1, 14)),
        ["hits.busy"] = ScriptValue.Of(2),
    });

    private static bool Holds(string condition)
    {
        var parsed = ExpressionParser.Parse(condition);
        Assert.Null(parsed.Error);
        return parsed.Expression!.IsTrue(Call);
    }

    [Theory]
    [InlineData("amount >= 50000", true)]
    [InlineData("amount > 50000", false)]
    [InlineData("amount >= 10000 && agree == true", true)]
    [InlineData("amount >= 10000 and not agree", false)]
    [InlineData("outcome == 'busy' || outcome == \"invalid\"", true)]
    [InlineData("!(outcome != 'busy')", true)]
    [InlineData("day >= '2026-01-10'", true)]
    [InlineData("hits.busy == 2", true)]
    [InlineData("missing == null", true)]
    [InlineData("missing > 3", false)]
    [InlineData("missing < 3", false)]
    [InlineData("agree", true)]
    [InlineData("1 < 2 && 2 < 3 || false", true)]
    public void Evaluates(string condition, bool expected) => Assert.Equal(expected, Holds(condition));

    [Theory]
    [InlineData("amount >", "ends too early")]
    [InlineData("amount = 5", "unexpected '='")]
    [InlineData("(a == 1", "missing ')'")]
    [InlineData("'open", "unterminated text")]
    [InlineData("1.2.3 > 1", "not a number")]
    [InlineData("a == 1 b", "unexpected 'b'")]
    public void Reports_errors_with_a_reason(string condition, string reason)
    {
        var parsed = ExpressionParser.Parse(condition);
        Assert.Null(parsed.Expression);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_lists_every_name_read() =>
        Assert.Equal(["a", "b", "hits.busy"], ExpressionParser.Parse("a > 1 && (b == 'x' || !hits.busy)").Expression!.Names());
}
