using System.Text.Json;

namespace Huawu.Speech.Asr.OpenAi;

/// <summary>Reads the transcription API's answers: <c>json</c> (<c>{"text"}</c>), <c>verbose_json</c> and its error bodies.</summary>
internal static class OpenAiTranscription
{
    /// <summary>
    /// The final result: the text, and with <c>verbose_json</c> the language, the span of the segments and a confidence
    /// (the mean of the segments' <c>avg_logprob</c>, as a probability).
    /// </summary>
    public static RecognitionResult Parse(string body, string format, TimeSpan duration, Uri endpoint)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new SpeechEngineException($"{endpoint} answered without a text: {Truncate(body)}");
            }
            var result = new RecognitionResult(text.GetString()!.Trim(), true, TimeSpan.Zero, duration);
            if (format != "verbose_json") return result;
            var language = root.TryGetProperty("language", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
            if (!root.TryGetProperty("segments", out var segments) || segments.ValueKind != JsonValueKind.Array || segments.GetArrayLength() == 0)
            {
                return result with { Language = language };
            }
            var list = segments.EnumerateArray().ToList();
            var logProbabilities = list.Where(s => s.TryGetProperty("avg_logprob", out var p) && p.ValueKind == JsonValueKind.Number)
                .Select(s => s.GetProperty("avg_logprob").GetDouble()).ToList();
            return result with
            {
                Start = Seconds(list[0], "start") ?? TimeSpan.Zero,
                End = Seconds(list[^1], "end") ?? duration,
                Language = language,
                Confidence = logProbabilities.Count == 0 ? null : (float)Math.Clamp(Math.Exp(logProbabilities.Average()), 0, 1),
            };
        }
        catch (JsonException e)
        {
            throw new SpeechEngineException($"{endpoint} answered with something other than JSON ({e.Message}): {Truncate(body)}", e);
        }
    }

    /// <summary>The reason in an error body: OpenAI's <c>{"error": {"message"}}</c>, FastAPI's <c>{"detail"}</c>, or the body.</summary>
    public static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) return m.GetString()!;
                    if (error.ValueKind == JsonValueKind.String) return error.GetString()!;
                }
                if (root.TryGetProperty("detail", out var detail)) return detail.ValueKind == JsonValueKind.String ? detail.GetString()! : detail.GetRawText();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body itself says what happened.
        }
        return body.Length == 0 ? "(empty answer)" : Truncate(body);
    }

    private static TimeSpan? Seconds(JsonElement segment, string name) =>
        segment.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? TimeSpan.FromSeconds(value.GetDouble()) : null;

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
