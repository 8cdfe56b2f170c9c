namespace Huawu.Speech.Tts.Http;

/// <summary>
/// How to reach an OpenAI-compatible speech server (<c>POST {BaseUrl}/audio/speech</c>) and how patient to be with it.
/// </summary>
internal sealed record OpenAiSpeechOptions
{
    /// <summary>The API root, e.g. <c>https://api.openai.com/v1</c> or a local server's <c>http://127.0.0.1:8000/v1</c>.</summary>
    public required Uri BaseUrl { get; init; }

    public required string Model { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer …</c>; none for servers that need no key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The voice names the server accepts (OpenAI: alloy, echo, fable, onyx, nova, shimmer…).</summary>
    public required IReadOnlyList<string> Voices { get; init; }

    /// <summary>The language the voices speak, for reading numbers (<c>zh</c>, <c>en</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary><c>pcm</c> (raw 16-bit little-endian mono at <see cref="SampleRate"/>) or <c>wav</c> (rate from its header).</summary>
    public string ResponseFormat { get; init; } = "pcm";

    /// <summary>The rate of the audio the engine delivers: OpenAI's <c>pcm</c> is 24 kHz; WAV at another rate is converted.</summary>
    public int SampleRate { get; init; } = 24000;

    /// <summary>How long to wait for the first audio byte of a response before trying again.</summary>
    public TimeSpan FirstByteTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the audio may stall once it is flowing before the sentence fails.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per sentence while no audio has arrived (429, 5xx, refused connections, slow first bytes).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The longest wait between attempts; a server asking for longer (Retry-After) fails the sentence instead.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
