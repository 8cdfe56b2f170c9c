namespace Huawu.Robot.Dialogue;

/// <summary>What a call brings to its conversation.</summary>
/// <param name="Time">The clock (transcript times, relative dates, duration); fake in tests.</param>
/// <param name="Variables">The call's variables (contact name, amount due…); required script variables must be here.</param>
/// <param name="TimeZone">Where "today" and "tomorrow" are reckoned; default: the clock's local zone.</param>
/// <param name="ChatModelAvailable">Whether the runtime can answer <see cref="ConsultModelAction"/> (and the script allows it).</param>
public sealed record ConversationOptions(
    TimeProvider Time,
    IReadOnlyDictionary<string, string>? Variables = null,
    TimeZoneInfo? TimeZone = null,
    bool ChatModelAvailable = false);
