using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.OpenAi;

/// <summary>
/// Recognition by an OpenAI-compatible transcription server, one VAD segment per session (not streaming): the
/// segment is sent when <see cref="IRecognitionSession.Complete"/> is called and its text is the final result.
/// </summary>
internal sealed class OpenAiTranscriptionRecognizer : ISpeechRecognizer
{
    private readonly HttpClient _http;
    private readonly OpenAiTranscriptionClient _client;

    private OpenAiTranscriptionRecognizer(HttpClient http, OpenAiTranscriptionClient client, int sampleRate)
    {
        _http = http;
        _client = client;
        SampleRate = sampleRate;
    }

    public string Name => "openai";

    public int SampleRate { get; }

    public bool IsStreaming => false;

    /// <summary>Reads the API key from the configured environment variable; null (with the reason) when it is named but unset.</summary>
    public static OpenAiTranscriptionRecognizer? TryCreate(OpenaiAsrOptions options, int sampleRate, TimeProvider time, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? key = null;
        if (options.ApiKeyEnv.Length > 0 && string.IsNullOrEmpty(key = Environment.GetEnvironmentVariable(options.ApiKeyEnv)))
        {
            error = $"speech.asr.openai.api_key_env: the environment variable {options.ApiKeyEnv} is not set " +
                    "(set it to the API key, or set api_key_env to \"\" for a server without keys)";
            return null;
        }
        // Each attempt has its own timeout on the engine's clock; HttpClient's own would fire on the wall clock.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        error = null;
        return new OpenAiTranscriptionRecognizer(http, new OpenAiTranscriptionClient(http, options, key, time), sampleRate);
    }

    public IRecognitionSession StartSession(RecognitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OpenAiTranscriptionSession(_client, options, SampleRate);
    }

    public void Dispose() => _http.Dispose();
}
