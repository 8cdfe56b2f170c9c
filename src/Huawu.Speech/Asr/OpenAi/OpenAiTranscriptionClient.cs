using System.Net;
using System.Net.Http.Headers;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.OpenAi;

/// <summary>
/// <c>POST {base_url}/audio/transcriptions</c> as OpenAI's API defines it (multipart: file, model, language,
/// response_format, prompt), with the failure handling a live call needs: 429 and 5xx are retried after the server's
/// Retry-After (or a short doubling wait) on the engine's clock, but never for longer than <c>max_retry_delay_seconds</c>;
/// every attempt has <c>timeout_seconds</c>; other refusals fail at once with the server's own message.
/// </summary>
internal sealed class OpenAiTranscriptionClient(HttpClient http, OpenaiAsrOptions options, string? apiKey, TimeProvider time)
{
    private static readonly TimeSpan FirstRetryWait = TimeSpan.FromMilliseconds(500);

    private Uri Endpoint => new(options.BaseUrl.TrimEnd('/') + "/audio/transcriptions");

    public async Task<RecognitionResult> TranscribeAsync(byte[] wav, TimeSpan duration, RecognitionOptions request, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, body, retryAfter) = await SendOnceAsync(wav, request, cancellation);
            if (status == HttpStatusCode.OK) return OpenAiTranscription.Parse(body, options.ResponseFormat, duration, Endpoint);
            var reason = OpenAiTranscription.ErrorMessage(body);
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                var key = options.ApiKeyEnv.Length == 0 ? "no key is configured (speech.asr.openai.api_key_env)" : $"the key comes from the environment variable {options.ApiKeyEnv}";
                throw new SpeechEngineException($"{Endpoint} refused the request ({(int)status}): {reason}; {key}");
            }
            if (!IsRetryable(status)) throw new SpeechEngineException($"{Endpoint} refused the request ({(int)status}): {reason}");
            if (attempt >= options.MaxRetries)
            {
                throw new SpeechEngineException($"{Endpoint} failed ({(int)status}) {attempt + 1} time(s): {reason}");
            }
            var wait = retryAfter ?? FirstRetryWait * Math.Pow(2, attempt);
            if (wait > TimeSpan.FromSeconds(options.MaxRetryDelaySeconds))
            {
                throw new SpeechEngineException($"{Endpoint} answered {(int)status} and asks to wait {wait.TotalSeconds:0.#} s, " +
                                                $"longer than speech.asr.openai.max_retry_delay_seconds ({options.MaxRetryDelaySeconds} s): {reason}");
            }
            await Task.Delay(wait, time, cancellation);
        }
    }

    private async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> SendOnceAsync(byte[] wav, RecognitionOptions request, CancellationToken cancellation)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        try
        {
            using var message = BuildRequest(wav, request);
            using var response = await http.SendAsync(message, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return (response.StatusCode, body, RetryAfter(response.Headers.RetryAfter));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            throw new SpeechEngineException($"{Endpoint} did not answer within {options.TimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            // Nothing answered (refused, reset, DNS): worth the same retries as a 503.
            return (HttpStatusCode.ServiceUnavailable, e.Message, null);
        }
    }

    private HttpRequestMessage BuildRequest(byte[] wav, RecognitionOptions request)
    {
        var file = new ByteArrayContent(wav);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var form = new MultipartFormDataContent
        {
            { file, "file", "segment.wav" },
            { new StringContent(options.Model), "model" },
            { new StringContent(options.ResponseFormat), "response_format" },
        };
        // The API takes ISO-639-1 ("zh"), the primary subtag of a BCP 47 tag ("zh-CN").
        if (request.Language is { Length: > 0 } language) form.Add(new StringContent(language.Split('-')[0].ToLowerInvariant()), "language");
        // Hot words become the prompt, which steers spelling and vocabulary.
        if (request.HotWords.Count > 0) form.Add(new StringContent(string.Join(", ", request.HotWords)), "prompt");
        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = form };
        if (apiKey is { Length: > 0 }) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return message;
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>RFC 9110 §10.2.3: Retry-After is a number of seconds or an HTTP date.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : null);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
