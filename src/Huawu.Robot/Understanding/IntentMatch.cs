namespace Huawu.Robot.Understanding;

/// <summary>How an intent was recognized.</summary>
public enum MatchSource
{
    Keyword,
    Pattern,
    Example,
    KnowledgeBase,
    Slot,
    Dtmf,
    ChatModel,
}

/// <summary>An intent recognized in an utterance, with the confidence and the evidence (keyword, pattern match, example).</summary>
public sealed record IntentMatch(string Intent, double Confidence, MatchSource Source, string Evidence);
