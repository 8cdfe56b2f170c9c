using System.Net.Http.Headers;
using System.Net.Http.Json;
using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tts.Http;

/// <summary>
/// The <c>http</c> engine: an OpenAI-compatible <c>/v1/audio/speech</c> server, one request per sentence, its
/// response body streamed out as it arrives. Before any audio of a sentence has arrived, a 429 (after its
/// Retry-After), a 5xx, a refused connection or a first byte slower than <see cref="OpenAiSpeechOptions.FirstByteTimeout"/>
/// is tried again, up to <see cref="OpenAiSpeechOptions.MaxAttempts"/>; 401/403 and other 4xx fail at once (retrying
/// cannot help). Once audio has been played on, a dropped or stalled connection fails the sentence: a retry would
/// repeat words the caller already heard.
/// </summary>
internal sealed partial class OpenAiSpeechEngine : SentenceEngine, IDisposable
{
    private readonly OpenAiSpeechOptions _options;
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly Uri _endpoint;

    public OpenAiSpeechEngine(OpenAiSpeechOptions options, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        // Timeouts are this engine's own (first byte, stalls); the client must not cut a long reply short.
        _client = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _endpoint = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/audio/speech");
        Voices = options.Voices.Select(v => new VoiceInfo(v, options.Language, options.SampleRate, $"{options.Model} at {options.BaseUrl}")).ToArray();
    }

    public override string Name => TtsEngineNames.Http;

    public override IReadOnlyList<VoiceInfo> Voices { get; }

    public void Dispose() => _client.Dispose();

    protected override void StartSentence(string sentence, VoiceInfo voice, SentenceSynthesis output, CancellationToken cancellation) =>
        _ = Task.Run(() => SpeakAsync(sentence, voice.Id, output, cancellation), CancellationToken.None);

    private async Task SpeakAsync(string sentence, string voice, SentenceSynthesis output, CancellationToken cancellation)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var outcome = await TryOnceAsync(sentence, voice, output, cancellation);
                if (outcome.Done)
                {
                    output.Complete();
                    return;
                }
                var tries = attempt > 1 ? $" (attempt {attempt} of {_options.MaxAttempts})" : "";
                if (!outcome.Retryable || attempt >= _options.MaxAttempts)
                {
                    output.Complete(new SpeechEngineException($"{_endpoint}: {outcome.Failure}{tries}."));
                    return;
                }
                // Without a Retry-After, back off 200 ms, 400 ms, 800 ms… so a struggling server gets room.
                var delay = outcome.RequestedDelay ?? TimeSpan.FromMilliseconds(200 * (1 << Math.Min(attempt - 1, 10)));
                if (delay > _options.MaxRetryDelay)
                {
                    output.Complete(new SpeechEngineException($"{_endpoint}: {outcome.Failure}; the server asks to wait " +
                        $"{delay.TotalSeconds:0.#} s, longer than the {_options.MaxRetryDelay.TotalSeconds:0.#} s allowed{tries}."));
                    return;
                }
                await Task.Delay(delay, _time, cancellation);
            }
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
        {
            output.Complete(e);
        }
    }

    private HttpRequestMessage Request(string sentence, string voice)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonContent.Create(new SpeechRequest(_options.Model, sentence, voice, _options.ResponseFormat), SpeechJson.Default.SpeechRequest),
        };
        if (_options.ApiKey is { Length: > 0 } key) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
