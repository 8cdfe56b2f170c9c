namespace Huawu.Speech.Configuration;

/// <summary>
/// <c>speech.asr.openai</c>: an OpenAI-compatible <c>/v1/audio/transcriptions</c> server (OpenAI, or a local one such as
/// faster-whisper-server, whisper.cpp's server, vLLM), sent one VAD segment at a time.
/// </summary>
public sealed class OpenaiAsrOptions
{
    /// <summary>The API's base address, up to and including <c>/v1</c>.</summary>
    public string BaseUrl { get; set; } = "https://api.openai.com/v1";

    public string Model { get; set; } = "whisper-1";

    /// <summary>The name of the environment variable that holds the API key (never the key itself); empty: no key.</summary>
    public string ApiKeyEnv { get; set; } = "OPENAI_API_KEY";

    /// <summary><c>json</c> (text only) or <c>verbose_json</c> (also language, duration and segments).</summary>
    public string ResponseFormat { get; set; } = "json";

    /// <summary>How long one request may take.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after 429 (rate limited) or a 5xx answer.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The longest wait before a retry; a server asking for more (Retry-After) fails the segment instead.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 10;

    internal IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"speech.asr.openai.base_url: '{BaseUrl}' is not an http:// or https:// address");
        }
        if (string.IsNullOrWhiteSpace(Model)) errors.Add("speech.asr.openai.model: required");
        if (ResponseFormat is not ("json" or "verbose_json"))
        {
            errors.Add($"speech.asr.openai.response_format: '{ResponseFormat}' is not json or verbose_json");
        }
        AsrOptions.RequireRange(errors, "speech.asr.openai.timeout_seconds", TimeoutSeconds, 0.1, 600);
        AsrOptions.RequireRange(errors, "speech.asr.openai.max_retries", MaxRetries, 0, 10);
        AsrOptions.RequireRange(errors, "speech.asr.openai.max_retry_delay_seconds", MaxRetryDelaySeconds, 0, 600);
        return errors;
    }
}
