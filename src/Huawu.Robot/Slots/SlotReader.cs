using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;
using Huawu.Robot.Understanding;

namespace Huawu.Robot.Slots;

/// <summary>Fills a slot of a given type from what the callee said or pressed; null when the answer holds no such value.</summary>
internal static class SlotReader
{
    /// <param name="today">The call's local date, from the injected clock (relative dates count from it).</param>
    public static ScriptValue? FromSpeech(SlotType type, string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (type)
        {
            case SlotType.Number:
                return NumberSlot.TryRead(TextNormalizer.Fold(text), out var number) ? ScriptValue.Of(number) : null;
            case SlotType.Date:
                return DateSlot.TryRead(TextNormalizer.Fold(text), today, out var date) ? ScriptValue.Of(date) : null;
            case SlotType.YesNo:
                return YesNoSlot.TryRead(text, TextNormalizer.Normalize(text), out var yes) ? ScriptValue.Of(yes) : null;
            default:
                var said = text.Trim();
                return said.Length > 0 ? ScriptValue.Of(said) : null;
        }
    }

    /// <summary>The time of day said with a date ("明天下午三点", "tomorrow at 3 pm"), as <c>HH:mm</c>; null when none was said.</summary>
    public static ScriptValue? TimeOfDay(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TimeOfDaySlot.TryRead(TextNormalizer.Fold(text), out var time)
            ? ScriptValue.Of(time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Keys pressed: digits fill numbers and texts; for yes/no, 1 is yes and 2 is no (the usual IVR convention).</summary>
    public static ScriptValue? FromKeys(SlotType type, string digits) => type switch
    {
        SlotType.Number when digits.Length > 0 && digits.All(char.IsAsciiDigit) => ScriptValue.Of(double.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)),
        SlotType.YesNo when digits == "1" => ScriptValue.Of(true),
        SlotType.YesNo when digits == "2" => ScriptValue.Of(false),
        SlotType.Text when digits.Length > 0 => ScriptValue.Of(digits),
        _ => null,
    };
}
