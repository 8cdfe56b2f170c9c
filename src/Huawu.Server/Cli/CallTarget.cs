namespace Huawu.Server.Cli;

/// <summary>
/// One callee of <c>huawu call</c>: <c>NUMBER</c>, or <c>NUMBER,name=value,…</c> with variables for this call only (over
/// the <c>--var</c> ones). Its label — the first of its own variables' values, else the number — marks its lines when
/// several calls run at once.
/// </summary>
internal sealed record CallTarget(string Number, IReadOnlyDictionary<string, string> Variables, string Label)
{
    public static CallTarget? TryParse(string text, IReadOnlyDictionary<string, string> shared, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(shared);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var variables = new Dictionary<string, string>(shared, StringComparer.Ordinal);
        string? label = null;
        foreach (var pair in parts.Skip(1))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                error = $"'{text}': '{pair}' is not name=value (a callee is NUMBER or NUMBER,name=value,...)";
                return null;
            }
            variables[pair[..at]] = pair[(at + 1)..];
            label ??= pair[(at + 1)..];
        }
        if (parts[0].Length == 0)
        {
            error = $"'{text}': no number before the variables";
            return null;
        }
        error = null;
        return new CallTarget(parts[0], variables, label is { Length: > 0 } ? label : parts[0]);
    }
}
