namespace Huawu.Server.Speech;

/// <summary>
/// <c>diagnostics.parrot</c>: the extension that checks the voice pipeline end to end on a real call. It answers, greets
/// with TTS, listens (the caller may interrupt it), recognizes against a grammar with the configured recognizer, and
/// says back what it heard — or the keys pressed — until the caller hangs up or stays silent twice.
/// </summary>
public sealed class ParrotOptions
{
    /// <summary>The extension dialled to reach it; empty turns it off.</summary>
    public string Extension { get; set; } = "parrot";

    public string Greeting { get; set; } = "Hello, this is the Huawu parrot. Say hello world, thank you or goodbye, or press a key.";

    /// <summary>What it answers, <c>{heard}</c> standing for what it recognized.</summary>
    public string Reply { get; set; } = "You said {heard}.";

    /// <summary>The phrases it can recognize (pocketsphinx's grammar; hot words for engines without grammars).</summary>
    public List<string> Grammar { get; set; } = ["hello world", "thank you", "goodbye", "yes", "no"];

    /// <summary>The recognizer (<c>speech.asr.*</c>); empty: <c>speech.asr.engine</c>.</summary>
    public string AsrEngine { get; set; } = "";

    /// <summary>The TTS engine (<c>speech.tts.*</c>): espeak, sherpa, http, prompts.</summary>
    public string TtsEngine { get; set; } = "espeak";

    public string Voice { get; set; } = "en-us";

    /// <summary>The language it listens for and speaks (a BCP 47 tag).</summary>
    public string Language { get; set; } = "en-US";

    /// <summary>Silence that ends the caller's turn: short, for a quick reply (see the speech README's latency figures).</summary>
    public int TrailingSilenceMs { get; set; } = 200;

    /// <summary>Whether the caller may interrupt it.</summary>
    public bool BargeIn { get; set; } = true;

    /// <summary>Silence after it spoke before it asks whether anyone is there (the second time, it says goodbye).</summary>
    public int NoInputSeconds { get; set; } = 6;

    internal IEnumerable<string> Validate()
    {
        const string Key = "diagnostics.parrot.";
        if (string.IsNullOrEmpty(Extension)) yield break;
        if (string.IsNullOrWhiteSpace(Greeting)) yield return Key + "greeting: required";
        if (!Reply.Contains("{heard}", StringComparison.Ordinal)) yield return Key + "reply: must contain {heard}";
        if (Grammar.Count == 0 || Grammar.Exists(string.IsNullOrWhiteSpace)) yield return Key + "grammar: one phrase or more, none empty";
        if (string.IsNullOrWhiteSpace(Voice)) yield return Key + "voice: required";
        if (TrailingSilenceMs is < 20 or > 5000) yield return $"{Key}trailing_silence_ms: {TrailingSilenceMs} is outside 20-5000";
        if (NoInputSeconds is < 1 or > 60) yield return $"{Key}no_input_seconds: {NoInputSeconds} is outside 1-60";
    }
}
