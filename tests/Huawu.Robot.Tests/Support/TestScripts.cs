using Huawu.Robot.Dialogue;
using Huawu.Robot.Loading;
using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;
using Huawu.Testing;

namespace Huawu.Robot.Tests.Support;

/// <summary>Loading scripts in tests: a valid one or the errors of an invalid one, and conversations on fake time.</summary>
internal static class TestScripts
{
    public static Script Load(string yaml)
    {
        var loaded = ScriptLoader.Load(yaml);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors.Select(e => e.Format(ScriptLanguage.En))));
        return loaded.Script!;
    }

    public static IReadOnlyList<ScriptError> Errors(string yaml)
    {
        var loaded = ScriptLoader.Load(yaml);
        Assert.False(loaded.Succeeded, "the script loaded, but errors were expected");
        return loaded.Errors;
    }

    /// <summary>The single error of a code (failing when there is none or more than one).</summary>
    public static ScriptError Single(string yaml, ScriptErrorCode code) => Assert.Single(Errors(yaml), e => e.Code == code);

    public static Conversation Start(Script script, out IReadOnlyList<RobotAction> opening, IReadOnlyDictionary<string, string>? variables = null,
        ManualTimeProvider? time = null, bool chatModel = false)
    {
        var created = Conversation.Create(script, new ConversationOptions(time ?? new ManualTimeProvider(), variables,
            TimeZoneInfo.Utc, chatModel));
        Assert.NotNull(created.Conversation);
        opening = created.Conversation.Start();
        return created.Conversation;
    }

    public static IEnumerable<string> Lines(IEnumerable<RobotAction> actions) => actions.OfType<SayAction>().Select(s => s.Text);
}
