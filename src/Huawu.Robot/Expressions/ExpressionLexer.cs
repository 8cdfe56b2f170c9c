using System.Globalization;

namespace Huawu.Robot.Expressions;

internal enum TokenKind
{
    Number,
    Text,
    Word,
    Operator,
    Open,
    Close,
    End,
}

internal readonly record struct ExpressionToken(TokenKind Kind, string Text, int Offset);

internal readonly record struct ExpressionLex(IReadOnlyList<ExpressionToken> Tokens, string? Error, int ErrorOffset);

/// <summary>Splits a condition into tokens; see <see cref="ExpressionParser"/> for the grammar.</summary>
internal static class ExpressionLexer
{
    private static readonly string[] Operators = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!"];

    public static ExpressionLex Lex(string text)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                if (!double.TryParse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    return new ExpressionLex(tokens, $"'{text[start..i]}' is not a number", start);
                }
                tokens.Add(new ExpressionToken(TokenKind.Number, text[start..i], start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.')) i++;
                tokens.Add(new ExpressionToken(TokenKind.Word, text[start..i], start));
            }
            else if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0) return new ExpressionLex(tokens, "unterminated text", i);
                tokens.Add(new ExpressionToken(TokenKind.Text, text[(i + 1)..end], i));
                i = end + 1;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new ExpressionToken(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString(), i));
                i++;
            }
            else if (Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0) is { } op)
            {
                tokens.Add(new ExpressionToken(TokenKind.Operator, op, i));
                i += op.Length;
            }
            else
            {
                return new ExpressionLex(tokens, $"unexpected '{c}'", i);
            }
        }
        tokens.Add(new ExpressionToken(TokenKind.End, "", text.Length));
        return new ExpressionLex(tokens, null, 0);
    }
}
