using System.Globalization;

namespace Huawu.Robot.Expressions;

/// <summary>The kinds of value a script handles: slots, variables, counters and literals in conditions.</summary>
public enum ScriptValueKind
{
    Null,
    Number,
    Text,
    Boolean,
    Date,
}

/// <summary>
/// One value in a script's world. Dates compare as ISO text (<c>2026-01-07</c>), so a condition may compare a date
/// slot with a quoted date; numbers compare numerically; everything else by equality only.
/// </summary>
public readonly record struct ScriptValue
{
    private ScriptValue(ScriptValueKind kind, double number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    public ScriptValueKind Kind { get; }

    public double Number { get; }

    /// <summary>The text of a text value, or the ISO date of a date value.</summary>
    public string? Text { get; }

    public bool IsNull => Kind == ScriptValueKind.Null;

    public static ScriptValue Null => default;

    public static ScriptValue Of(double number) => new(ScriptValueKind.Number, number, null);

    public static ScriptValue Of(string text) => new(ScriptValueKind.Text, 0, text);

    public static ScriptValue Of(bool value) => new(ScriptValueKind.Boolean, value ? 1 : 0, null);

    public static ScriptValue Of(DateOnly date) => new(ScriptValueKind.Date, date.DayNumber, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public bool AsBoolean => Kind switch
    {
        ScriptValueKind.Boolean or ScriptValueKind.Number => Number != 0,
        ScriptValueKind.Text => Text!.Length > 0,
        ScriptValueKind.Date => true,
        _ => false,
    };

    /// <summary>The value as a call record stores it and a template prints it when no language-specific form applies.</summary>
    public override string ToString() => Kind switch
    {
        ScriptValueKind.Number => Number.ToString("0.##########", CultureInfo.InvariantCulture),
        ScriptValueKind.Boolean => Number != 0 ? "true" : "false",
        ScriptValueKind.Text or ScriptValueKind.Date => Text!,
        _ => "",
    };
}
