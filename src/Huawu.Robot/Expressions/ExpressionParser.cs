using System.Globalization;

namespace Huawu.Robot.Expressions;

/// <summary>The outcome of parsing a condition: the expression, or why it is not one (with the character offset).</summary>
internal readonly record struct ExpressionParse(ScriptExpression? Expression, string? Error, int ErrorOffset);

/// <summary>
/// Recursive descent over the condition grammar script authors write:
/// <code>
/// or      := and (("||" | "or") and)*
/// and     := not (("&amp;&amp;" | "and") not)*
/// not     := ("!" | "not") not | compare
/// compare := primary (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") primary)?
/// primary := number | 'text' | "text" | true | false | null | name | "(" or ")"
/// </code>
/// Names are letters, digits, <c>_</c> and <c>.</c> (<c>hits.busy</c>). Expected failures come back as a result.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly IReadOnlyList<ExpressionToken> _tokens;
    private int _next;

    private ExpressionParser(IReadOnlyList<ExpressionToken> tokens) => _tokens = tokens;

    public static ExpressionParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexed = ExpressionLexer.Lex(text);
        if (lexed.Error is { } lexError) return new ExpressionParse(null, lexError, lexed.ErrorOffset);
        var parser = new ExpressionParser(lexed.Tokens);
        try
        {
            var expression = parser.Or();
            return parser.Peek.Kind == TokenKind.End
                ? new ExpressionParse(expression, null, 0)
                : new ExpressionParse(null, $"unexpected '{parser.Peek.Text}'", parser.Peek.Offset);
        }
        catch (SyntaxProblem problem)
        {
            return new ExpressionParse(null, problem.Message, problem.Offset);
        }
    }

    private ExpressionToken Peek => _tokens[_next];

    private ExpressionToken Take() => _tokens[_next++];

    private bool TakeIf(TokenKind kind, string? text = null)
    {
        if (Peek.Kind != kind || (text is not null && Peek.Text != text)) return false;
        _next++;
        return true;
    }

    private ScriptExpression Or()
    {
        var left = And();
        while (TakeIf(TokenKind.Operator, "||") || TakeIf(TokenKind.Word, "or")) left = new LogicalExpression(false, left, And());
        return left;
    }

    private ScriptExpression And()
    {
        var left = Not();
        while (TakeIf(TokenKind.Operator, "&&") || TakeIf(TokenKind.Word, "and")) left = new LogicalExpression(true, left, Not());
        return left;
    }

    private ScriptExpression Not() =>
        TakeIf(TokenKind.Operator, "!") || TakeIf(TokenKind.Word, "not") ? new NotExpression(Not()) : Compare();

    private ScriptExpression Compare()
    {
        var left = Primary();
        if (Peek.Kind != TokenKind.Operator) return left;
        Comparison? comparison = Peek.Text switch
        {
            "==" => Comparison.Equal,
            "!=" => Comparison.NotEqual,
            "<" => Comparison.Less,
            "<=" => Comparison.LessOrEqual,
            ">" => Comparison.Greater,
            ">=" => Comparison.GreaterOrEqual,
            _ => null,
        };
        if (comparison is not { } op) return left;
        Take();
        return new ComparisonExpression(op, left, Primary());
    }

    private ScriptExpression Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralExpression(ScriptValue.Of(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)));
            case TokenKind.Text:
                return new LiteralExpression(ScriptValue.Of(token.Text));
            case TokenKind.Word:
                return token.Text switch
                {
                    "true" => new LiteralExpression(ScriptValue.Of(true)),
                    "false" => new LiteralExpression(ScriptValue.Of(false)),
                    "null" => new LiteralExpression(ScriptValue.Null),
                    "and" or "or" or "not" => throw new SyntaxProblem($"'{token.Text}' needs an operand before it", token.Offset),
                    _ => new NameExpression(token.Text),
                };
            case TokenKind.Open:
                var inner = Or();
                if (!TakeIf(TokenKind.Close)) throw new SyntaxProblem("missing ')'", Peek.Offset);
                return inner;
            case TokenKind.End:
                throw new SyntaxProblem("the condition ends too early", token.Offset);
            default:
                throw new SyntaxProblem($"unexpected '{token.Text}'", token.Offset);
        }
    }

    // Unwinds the recursion to Parse, which turns it into a result; never escapes this class.
    private sealed class SyntaxProblem(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
