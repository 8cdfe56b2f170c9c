namespace Huawu.Robot.Scripts;

/// <summary>A question callees ask (with other ways they ask it) and the script's answer to it.</summary>
internal sealed record KnowledgeEntry(string Id, string Question, IReadOnlyList<string> Similar, TextTemplate Answer, SourcePosition Position)
{
    public IEnumerable<string> Phrasings => Similar.Prepend(Question);
}

/// <summary>The knowledge base: consulted when nothing of the node matches; a hit counts as a business question.</summary>
internal sealed record KnowledgeBase(IReadOnlyList<KnowledgeEntry> Entries, double Threshold, Continuation Then)
{
    public static KnowledgeBase Empty { get; } = new([], 0.6, Continuation.Reprompt);
}

/// <summary>A grading rule: the first whose condition holds gives the call its grade; a rule without one always holds.</summary>
internal sealed record GradingRule(string Grade, Expressions.ScriptExpression? When, SourcePosition Position);

/// <summary>A variable the caller (campaign contact, CLI) supplies; required ones must be given unless they have a default.</summary>
internal sealed record VariableDefinition(string Name, bool Required, string? Default, SourcePosition Position);

/// <summary>The optional chat-model classifier as the script allows it.</summary>
internal sealed record ChatModelSettings(bool Enabled, double MinConfidence)
{
    public static ChatModelSettings Off { get; } = new(false, 0.7);
}
