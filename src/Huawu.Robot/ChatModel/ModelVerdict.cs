namespace Huawu.Robot.ChatModel;

public enum ModelVerdictKind
{
    /// <summary>The utterance expresses one of the offered intents.</summary>
    Intent,

    /// <summary>The utterance is a question the offered knowledge answers; <see cref="ModelVerdict.Answer"/> says it.</summary>
    Answer,

    /// <summary>The model declined, doubted, failed, or its reply broke a guardrail: the script goes on as if nothing matched.</summary>
    Fallback,
}

/// <summary>The chat model's checked reply.</summary>
/// <param name="Sources">The knowledge entry ids an answer rests on.</param>
/// <param name="Reason">Why the verdict is a fallback (for logs and the script tester).</param>
public sealed record ModelVerdict(ModelVerdictKind Kind, string? Intent, string? Answer, IReadOnlyList<string> Sources, double Confidence, string? Reason)
{
    public static ModelVerdict Fallback(string reason) => new(ModelVerdictKind.Fallback, null, null, [], 0, reason);
}
