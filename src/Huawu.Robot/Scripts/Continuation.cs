namespace Huawu.Robot.Scripts;

internal enum ContinuationKind
{
    /// <summary>Say the current node's question again (its <c>reprompt</c> text if it has one), then listen.</summary>
    Reprompt,

    /// <summary>Listen again without repeating anything.</summary>
    Listen,

    /// <summary>Go to another node.</summary>
    Goto,

    /// <summary>End the call with an outcome.</summary>
    HangUp,
}

/// <summary>What happens after a global intent, a knowledge answer or a limit: <c>reprompt</c>, <c>listen</c>, <c>{goto: node}</c> or <c>{hangup: outcome}</c>.</summary>
/// <param name="Target">The node of a goto, or the outcome of a hang-up.</param>
internal sealed record Continuation(ContinuationKind Kind, string? Target, SourcePosition Position)
{
    public static Continuation Reprompt { get; } = new(ContinuationKind.Reprompt, null, SourcePosition.None);

    public static Continuation HangUp(string outcome) => new(ContinuationKind.HangUp, outcome, SourcePosition.None);
}
