namespace Huawu.Speech.Tts;

/// <summary>
/// What to say: plain text, or the small SSML subset scripts use (<c>&lt;speak&gt;</c>, <c>&lt;break time="300ms"/&gt;</c>,
/// <c>&lt;say-as interpret-as="digits|telephone|cardinal"&gt;</c>), parsed into parts every engine understands.
/// Engines receive digits and telephone numbers already as parts, so each reads them in its language
/// ("138 1234 5678" as 幺三八… in Mandarin, "one three eight…" in English).
/// </summary>
public sealed record SpeechText(IReadOnlyList<SpeechPart> Parts, string? Language = null)
{
    public static SpeechText Plain(string text, string? language = null) => new([new SpeechPart.Text(text)], language);
}

public abstract record SpeechPart
{
    private SpeechPart() { }

    /// <summary>Words to speak as written.</summary>
    public sealed record Text(string Value) : SpeechPart;

    /// <summary>A pause of the given length (<c>&lt;break time=…/&gt;</c>).</summary>
    public sealed record Break(TimeSpan Duration) : SpeechPart;

    /// <summary>A value to read in a given way (<c>&lt;say-as interpret-as=…&gt;</c>).</summary>
    public sealed record SayAs(SayAsKind Kind, string Value) : SpeechPart;
}

public enum SayAsKind
{
    /// <summary>Digit by digit: "2024" → two zero two four.</summary>
    Digits,

    /// <summary>A telephone number, in groups with the language's conventions (Mandarin reads 1 as 幺).</summary>
    Telephone,

    /// <summary>A number: "2024" → two thousand and twenty-four.</summary>
    Cardinal,
}
