using System.Globalization;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Scripts;

namespace Huawu.ContactCenter.Dialing;

/// <summary>
/// What the conversation asked for: its outcome, and the day the callee named when the script collected a date, with the time of
/// day said with it ("明天下午三点", "tomorrow morning") when there was one.
/// </summary>
public sealed record AskedCallback(string Outcome, DateOnly? RequestedDate = null, TimeOnly? RequestedTime = null)
{
    /// <summary>The conversation's outcome and the first of the script's date slots the callee filled, with its time of day.</summary>
    public static AskedCallback Of(Script script, ConversationResult result)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var slot in script.DateSlots)
        {
            if (result.Variables.GetValueOrDefault(slot) is not { } text ||
                !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) continue;
            var time = result.Variables.GetValueOrDefault(slot + Script.TimeOfDaySuffix) is { } clock &&
                TimeOnly.TryParseExact(clock, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : (TimeOnly?)null;
            return new AskedCallback(result.Outcome, day, time);
        }
        return new AskedCallback(result.Outcome);
    }
}
