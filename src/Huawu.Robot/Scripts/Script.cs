using Huawu.Robot.Understanding;

namespace Huawu.Robot.Scripts;

/// <summary>
/// A loaded, validated dialogue script (话术), ready to run: immutable, and shared by every call that runs it.
/// Load one with <see cref="Loading.ScriptLoader"/>; run it with <see cref="Dialogue.Conversation"/>.
/// </summary>
public sealed class Script
{
    internal Script(ScriptDefinition definition, ScriptUnderstanding understanding)
    {
        Definition = definition;
        Understanding = understanding;
        Nodes = definition.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    public string Name => Definition.Name;

    /// <summary>The author's version number (the store numbers imported versions separately).</summary>
    public int Version => Definition.Version;

    public ScriptLanguage Language => Definition.Language;

    public string? Description => Definition.Description;

    /// <summary>Whether the robot discloses that it is an AI first; off only with a recorded reason.</summary>
    public bool DisclosureEnabled => Definition.Disclosure.Enabled;

    /// <summary>Why the disclosure was switched off, when it was.</summary>
    public string? DisclosureDisabledReason => Definition.Disclosure.DisabledReason;

    public string StartNode => Definition.Start.Id;

    /// <summary>The node ids in the order they were written (with generated callback-offer nodes after their transfer).</summary>
    public IReadOnlyList<string> NodeIds => [.. Definition.Nodes.Select(n => n.Id)];

    /// <summary>The variables a call must be given (those required and without a default).</summary>
    public IReadOnlyList<string> RequiredVariables => [.. Definition.Variables.Values.Where(v => v.Required && v.Default is null).Select(v => v.Name)];

    /// <summary>Appended to a date slot's name for the time of day said with it (<c>new_date_time</c> = <c>15:00</c>), when one was said.</summary>
    public const string TimeOfDaySuffix = "_time";

    /// <summary>The slots the script collects as dates (ISO <c>yyyy-MM-dd</c> in the result's variables), in node order: a campaign reads the day a callee asks to be called back on from them.</summary>
    public IReadOnlyList<string> DateSlots =>
        [.. Definition.Nodes.Select(n => n.Collect).OfType<SlotSpec>().Where(slot => slot.Type == SlotType.Date).Select(slot => slot.Name).Distinct(StringComparer.Ordinal)];

    internal ScriptDefinition Definition { get; }

    internal ScriptUnderstanding Understanding { get; }

    internal IReadOnlyDictionary<string, ScriptNode> Nodes { get; }
}
