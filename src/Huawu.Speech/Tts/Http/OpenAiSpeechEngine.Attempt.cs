using System.Net;
using System.Text.Json;
using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tts.Http;

/// <summary>One request for one sentence, and what its outcome means for the next step.</summary>
internal sealed partial class OpenAiSpeechEngine
{
    /// <summary>Done; or failed, with whether another attempt may help and how long the server asked to wait.</summary>
    private readonly record struct Attempt(bool Done, string? Failure = null, bool Retryable = false, TimeSpan? RequestedDelay = null)
    {
        public static readonly Attempt Success = new(true);

        public static Attempt Retry(string failure, TimeSpan? delay = null) => new(false, failure, true, delay);

        public static Attempt Fail(string failure) => new(false, failure);
    }

    private async Task<Attempt> TryOnceAsync(string sentence, string voice, SentenceSynthesis output, CancellationToken cancellation)
    {
        using var request = Request(sentence, voice);
        using var firstByteTimeout = new CancellationTokenSource(_options.FirstByteTimeout, _time);
        using var firstByte = CancellationTokenSource.CreateLinkedTokenSource(cancellation, firstByteTimeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, firstByte.Token);
        }
        catch (HttpRequestException e)
        {
            return Attempt.Retry($"cannot reach the server ({e.Message})");
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return Attempt.Retry($"no response within {_options.FirstByteTimeout.TotalSeconds:0.#} s");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return await StreamAsync(response, output, firstByte.Token, cancellation);
            var message = await ErrorMessageAsync(response, cancellation);
            var status = (int)response.StatusCode;
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Attempt.Fail($"the server refused the API key ({status}): {message}"),
                HttpStatusCode.TooManyRequests => Attempt.Retry($"rate limited (429): {message}", RetryAfter(response)),
                >= HttpStatusCode.InternalServerError => Attempt.Retry($"server error ({status}): {message}", RetryAfter(response)),
                _ => Attempt.Fail($"the server rejected the request ({status}): {message}"),
            };
        }
    }

    private async Task<Attempt> StreamAsync(HttpResponseMessage response, SentenceSynthesis output, CancellationToken firstByte,
        CancellationToken cancellation)
    {
        var decoder = new PcmStreamDecoder(_options.ResponseFormat == "wav", _options.SampleRate);
        var buffer = new byte[8192];
        var delivered = 0L;
        await using var body = await response.Content.ReadAsStreamAsync(cancellation);
        while (true)
        {
            int read;
            using var stallTimeout = new CancellationTokenSource(_options.StallTimeout, _time);
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stallTimeout.Token);
            try
            {
                read = await body.ReadAsync(buffer, delivered == 0 ? firstByte : stall.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return delivered == 0
                    ? Attempt.Retry($"no audio within {_options.FirstByteTimeout.TotalSeconds:0.#} s")
                    : Attempt.Fail($"the audio stalled for {_options.StallTimeout.TotalSeconds:0.#} s after {Seconds(delivered)} of it");
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                return delivered == 0
                    ? Attempt.Retry($"the connection dropped before any audio ({e.Message})")
                    : Attempt.Fail($"the connection dropped after {Seconds(delivered)} of audio ({e.Message})");
            }
            if (read == 0) break;
            if (!decoder.TryDecode(buffer.AsSpan(0, read), out var samples, out var error)) return Attempt.Fail(error);
            if (samples.Length == 0) continue;
            output.Write(samples);
            delivered += samples.Length;
        }
        var tail = decoder.Finish();
        if (tail.Length > 0) output.Write(tail);
        return delivered + tail.Length > 0 ? Attempt.Success : Attempt.Retry("the server sent no audio");
    }

    private string Seconds(long samples) => $"{(double)samples / _options.SampleRate:0.0} s";

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        // RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date.
        if (response.Headers.RetryAfter is not { } retryAfter) return null;
        if (retryAfter.Delta is { } delta) return delta;
        return retryAfter.Date is { } date ? TimeSpan.FromTicks(Math.Max(0, (date - _time.GetUtcNow()).Ticks)) : null;
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var body = await response.Content.ReadAsStringAsync(cancellation);
        try
        {
            if (JsonSerializer.Deserialize(body, SpeechJson.Default.ErrorResponse)?.Error?.Message is { Length: > 0 } message) return message;
        }
        catch (JsonException)
        {
            // Not the API's error shape (a proxy's HTML page, plain text): show what there is.
        }
        return body.Length > 0 ? body[..Math.Min(body.Length, 200)].Trim() : response.ReasonPhrase ?? "no reason given";
    }
}
