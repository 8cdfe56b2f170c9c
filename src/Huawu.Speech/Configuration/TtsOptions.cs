using Huawu.Speech.Tts;

namespace Huawu.Speech.Configuration;

/// <summary>
/// The <c>speech.tts:</c> section: speech synthesis (espeak-ng, recorded prompts, sherpa-onnx, HTTP). Paths are taken
/// from the data directory (prompts, cache) or the model directory (sherpa models) when relative.
/// </summary>
public sealed partial class TtsOptions
{
    /// <summary>The engine used when a request names none.</summary>
    public string DefaultEngine { get; set; } = TtsEngineNames.Espeak;

    /// <summary>The language of a script that does not say (<c>zh</c>, <c>en</c>).</summary>
    public string DefaultLanguage { get; set; } = "zh";

    /// <summary>Per language, the engine and voice that speak it by default.</summary>
    public Dictionary<string, TtsVoiceChoice> Languages { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh"] = new TtsVoiceChoice { Engine = TtsEngineNames.Espeak, Voice = "cmn" },
        ["en"] = new TtsVoiceChoice { Engine = TtsEngineNames.Espeak, Voice = "en-us" },
    };

    /// <summary>Recorded prompts: WAV files and their index (<c>prompts.txt</c>, lines of <c>id: text</c>).</summary>
    public string PromptsDirectory { get; set; } = "prompts";

    /// <summary>The engine that speaks what the prompts have no recording for (names, numbers, unrecorded lines).</summary>
    public string PromptsFallbackEngine { get; set; } = TtsEngineNames.Espeak;

    /// <summary>sherpa-onnx TTS model packs, one directory each (VITS, Matcha, Kokoro); relative to <c>speech.model_directory</c>.</summary>
    public string SherpaModelDirectory { get; set; } = "tts";

    /// <summary>CPU threads each sherpa-onnx model uses for one sentence.</summary>
    public int SherpaThreads { get; set; } = 1;

    public TtsHttpOptions Http { get; set; } = new();

    public TtsCacheOptions Cache { get; set; } = new();
}

/// <summary>An engine and one of its voices.</summary>
public sealed class TtsVoiceChoice
{
    public string Engine { get; set; } = TtsEngineNames.Espeak;

    public string Voice { get; set; } = "";
}

/// <summary>The <c>speech.tts.http:</c> section: an OpenAI-compatible <c>/v1/audio/speech</c> server.</summary>
public sealed class TtsHttpOptions
{
    /// <summary>The API root, e.g. <c>https://api.openai.com/v1</c>; unset, the http engine is off.</summary>
    public string? BaseUrl { get; set; }

    public string Model { get; set; } = "tts-1";

    /// <summary>The environment variable holding the API key (the key itself never goes in the file); unset or empty: no key.</summary>
    public string ApiKeyEnv { get; set; } = "HUAWU_TTS_API_KEY";

    public List<string> Voices { get; set; } = ["alloy"];

    /// <summary>The language the server's voices speak (for reading numbers).</summary>
    public string Language { get; set; } = "zh";

    /// <summary><c>pcm</c> or <c>wav</c>.</summary>
    public string ResponseFormat { get; set; } = "pcm";

    /// <summary>The rate of <c>pcm</c> responses (OpenAI: 24000), and what <c>wav</c> responses are converted to.</summary>
    public int SampleRate { get; set; } = 24000;

    public double FirstByteTimeoutSeconds { get; set; } = 5;

    public int MaxAttempts { get; set; } = 3;

    public double MaxRetryDelaySeconds { get; set; } = 5;
}

/// <summary>The <c>speech.tts.cache:</c> section: synthesized utterances kept so repeated prompts cost nothing.</summary>
public sealed class TtsCacheOptions
{
    /// <summary>Memory for cached audio (16-bit samples); 0 turns the memory cache off.</summary>
    public int MemoryMb { get; set; } = 64;

    /// <summary>Also keep them on disk, in <see cref="Directory"/>, across restarts.</summary>
    public bool Disk { get; set; } = true;

    public string Directory { get; set; } = "tts-cache";

    /// <summary>The disk cache's budget; the least recently used files go first.</summary>
    public int DiskMb { get; set; } = 1024;
}
