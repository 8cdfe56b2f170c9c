using System.Text.Json.Serialization;

namespace Huawu.Speech.Tts.Http;

/// <summary>The body of <c>POST /v1/audio/speech</c> (OpenAI API reference, "Create speech").</summary>
internal sealed record SpeechRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("voice")] string Voice,
    [property: JsonPropertyName("response_format")] string ResponseFormat);

/// <summary>An error response: <c>{"error": {"message": …, "type": …, "code": …}}</c>.</summary>
internal sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorDetail? Error);

internal sealed record ErrorDetail([property: JsonPropertyName("message")] string? Message);

[JsonSerializable(typeof(SpeechRequest))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class SpeechJson : JsonSerializerContext;
