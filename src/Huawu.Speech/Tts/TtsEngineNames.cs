namespace Huawu.Speech.Tts;

/// <summary>The TTS engines as configuration (<c>speech.tts</c>) and the CLI (<c>--engine</c>) name them.</summary>
public static class TtsEngineNames
{
    public const string Espeak = "espeak";
    public const string Prompts = "prompts";
    public const string Sherpa = "sherpa";
    public const string Http = "http";

    public static readonly IReadOnlyList<string> All = [Espeak, Prompts, Sherpa, Http];
}
