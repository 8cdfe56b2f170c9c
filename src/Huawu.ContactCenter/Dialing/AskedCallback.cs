using System.Globalization;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Scripts;

namespace Huawu.ContactCenter.Dialing;

/// <summary>What the conversation asked for: its outcome, and the day the callee named when the script collected a date.</summary>
public sealed record AskedCallback(string Outcome, DateOnly? RequestedDate = null)
{
    /// <summary>The conversation's outcome and the first of the script's date slots the callee filled ("call me tomorrow").</summary>
    public static AskedCallback Of(Script script, ConversationResult result)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(result);
        var day = script.DateSlots.Select(slot => result.Variables.GetValueOrDefault(slot) is { } text &&
                DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
            .FirstOrDefault(date => date is not null);
        return new AskedCallback(result.Outcome, day);
    }
}
