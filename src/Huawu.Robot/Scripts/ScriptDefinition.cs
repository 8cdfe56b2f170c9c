namespace Huawu.Robot.Scripts;

/// <summary>
/// The disclosure the robot says before anything else (it is an AI assistant, calling for whom). On by default;
/// a script turns it off only with <c>disclosure: {enabled: false, reason: …}</c>, and the reason is kept.
/// </summary>
internal sealed record Disclosure(bool Enabled, TextTemplate? Text, string? DisabledReason);

/// <summary>The call-wide limit on callee turns, and where the call goes when it is reached.</summary>
internal sealed record CallLimits(int MaxRounds, Continuation OnLimit)
{
    public static CallLimits Default { get; } = new(30, Continuation.HangUp("max_rounds"));
}

/// <summary>A script as written and checked: everything the dialogue needs, none of the matching indexes.</summary>
internal sealed record ScriptDefinition
{
    public required string Name { get; init; }

    public required int Version { get; init; }

    public required ScriptLanguage Language { get; init; }

    public string? Description { get; init; }

    public required Disclosure Disclosure { get; init; }

    public IReadOnlyDictionary<string, VariableDefinition> Variables { get; init; } = new Dictionary<string, VariableDefinition>();

    /// <summary>Recorded prompts by id (the file or asset each names).</summary>
    public IReadOnlyDictionary<string, string> Prompts { get; init; } = new Dictionary<string, string>();

    public CallLimits Limits { get; init; } = CallLimits.Default;

    /// <summary>Recognitions below this confidence count as not understood.</summary>
    public double AsrMinConfidence { get; init; }

    public required NodeRef Start { get; init; }

    public IReadOnlyDictionary<string, IntentDefinition> Intents { get; init; } = new Dictionary<string, IntentDefinition>();

    /// <summary>The nodes in the order they were written.</summary>
    public required IReadOnlyList<ScriptNode> Nodes { get; init; }

    public required IReadOnlyDictionary<GlobalIntentKind, GlobalIntent> Globals { get; init; }

    public KnowledgeBase Knowledge { get; init; } = KnowledgeBase.Empty;

    public required IReadOnlyList<GradingRule> Grading { get; init; }

    public ChatModelSettings ChatModel { get; init; } = ChatModelSettings.Off;
}
