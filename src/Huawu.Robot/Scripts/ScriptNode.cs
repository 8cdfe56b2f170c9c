namespace Huawu.Robot.Scripts;

/// <summary>What a node does once its line is said.</summary>
internal enum NodeKind
{
    /// <summary>Say, then go on to <c>next</c> without listening.</summary>
    Say,

    /// <summary>Say, listen, and route on intents, conditions or keys.</summary>
    Ask,

    /// <summary>Say, listen, fill a slot from the answer, then route on conditions (or go to <c>next</c>).</summary>
    Collect,

    /// <summary>Route on conditions at once, saying nothing.</summary>
    Branch,

    /// <summary>Say, then hand the call to a queue or an extension.</summary>
    Transfer,

    /// <summary>Say, then end the call with an outcome.</summary>
    HangUp,
}

/// <summary>A reference to a node, with where it was written (for "unknown target node" errors).</summary>
internal sealed record NodeRef(string Id, SourcePosition Position);

/// <summary>One node of the script graph. Immutable; which fields apply depends on <see cref="Kind"/>.</summary>
internal sealed record ScriptNode(string Id, NodeKind Kind, SourcePosition Position)
{
    public TextTemplate? Say { get; init; }

    /// <summary>A recorded prompt played instead of synthesizing <see cref="Say"/> (which stays as its transcript text).</summary>
    public LocatedText? Prompt { get; init; }

    /// <summary>A shorter line for asking again after a silence, a miss or an aside; default: <see cref="Say"/>.</summary>
    public TextTemplate? Reprompt { get; init; }

    public NodeSettings Settings { get; init; } = NodeSettings.Default;

    public IReadOnlyList<Route> Routes { get; init; } = [];

    public NodeRef? Next { get; init; }

    public SlotSpec? Collect { get; init; }

    public TransferSpec? Transfer { get; init; }

    /// <summary>The outcome of a hang-up node.</summary>
    public string? Outcome { get; init; }

    /// <summary>Where the call goes when this node's rounds or silences run out; default: the global silence / no-match limit.</summary>
    public Continuation? OnLimit { get; init; }

    /// <summary>Tags added to the call record on entering the node.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Variables written to the call record on entering the node.</summary>
    public IReadOnlyList<(string Name, TextTemplate Value)> Set { get; init; } = [];

    /// <summary>Whether the robot waits for the callee at this node.</summary>
    public bool Listens => Kind is NodeKind.Ask or NodeKind.Collect;

    /// <summary>Every node this one can lead to by itself (routes, next, a transfer's fallback, its limit).</summary>
    public IEnumerable<NodeRef> Targets()
    {
        foreach (var route in Routes) yield return route.Goto;
        if (Next is not null) yield return Next;
        if (Transfer?.Goto is { } fallback) yield return fallback;
        if (OnLimit is { Kind: ContinuationKind.Goto, Target: { } limitTarget }) yield return new NodeRef(limitTarget, OnLimit.Position);
    }
}

/// <summary>
/// One way out of an ask, collect or branch node. A route matches when its intent (if any) was recognized, its key
/// (if any) was pressed and its condition (if any) holds; a route with none of them always matches (the default).
/// </summary>
internal sealed record Route(string? Intent, string? Dtmf, Expressions.ScriptExpression? When, NodeRef Goto, SourcePosition Position)
{
    public bool IsDefault => Intent is null && Dtmf is null && When is null;
}

/// <summary>The kinds of slot a collect node fills.</summary>
public enum SlotType
{
    /// <summary>Arabic, Chinese (三万五) or English (twenty five) numbers; keys pressed count as digits.</summary>
    Number,

    /// <summary>A day, absolute or relative to today (明天, 下周三, next Monday, March 5).</summary>
    Date,

    /// <summary>Yes or no (是的/对/好/嗯 · 不/不用 · yes/no/nope…).</summary>
    YesNo,

    /// <summary>Whatever the callee said.</summary>
    Text,
}

internal sealed record SlotSpec(string Name, SlotType Type, SourcePosition Position);

/// <summary>Where a transfer goes: an ACD queue or a single extension.</summary>
public enum TransferTargetKind
{
    Queue,
    Extension,
}

/// <summary>What the robot does when nobody takes a transfer within the no-answer time.</summary>
public enum TransferFallback
{
    /// <summary>The robot takes the call back and continues at the transfer's <c>goto</c> node.</summary>
    TakeBack,

    /// <summary>The robot offers a callback (yes: hang up with outcome <c>callback</c>; no: <c>transfer_unanswered</c>).</summary>
    Callback,
}

internal sealed record TransferSpec(TransferTargetKind Kind, string Target, int NoAnswerSeconds, TransferFallback Fallback, NodeRef? Goto);
