namespace Huawu.Speech.Configuration;

/// <summary><c>speech.asr.funasr</c>: a FunASR runtime server, spoken to over its WebSocket protocol.</summary>
public sealed class FunasrAsrOptions
{
    /// <summary>The server's address: <c>ws://host:10095</c>, or <c>wss://</c> when it runs with a certificate.</summary>
    public string Url { get; set; } = "ws://127.0.0.1:10095";

    /// <summary><c>online</c> (streaming results only) or <c>2pass</c> (streaming, then each sentence corrected offline).</summary>
    public string Mode { get; set; } = "2pass";

    /// <summary>The streaming model's latency setting in 60 ms frames: look-back, chunk, look-ahead (FunASR's default 5,10,5 = 600 ms).</summary>
    public List<int> ChunkSize { get; set; } = [5, 10, 5];

    /// <summary>FunASR's <c>chunk_interval</c> (its clients send <c>chunk_size[1] × 60 / chunk_interval</c> ms of audio per message).</summary>
    public int ChunkInterval { get; set; } = 10;

    /// <summary>Inverse text normalization on the server (digits rather than words).</summary>
    public bool Itn { get; set; } = true;

    /// <summary>Hot word weight sent with each hot word (FunASR's <c>{"word": weight}</c>).</summary>
    public int HotWordWeight { get; set; } = 20;

    public double ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>How long to wait for the final result after the audio ends before giving up on the server.</summary>
    public double FinalTimeoutSeconds { get; set; } = 10;

    /// <summary>After a failed or lost connection, sessions fail at once for this long, doubling with each further failure…</summary>
    public double RetryInitialSeconds { get; set; } = 1;

    /// <summary>…up to this much.</summary>
    public double RetryMaxSeconds { get; set; } = 30;

    internal IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"speech.asr.funasr.url: '{Url}' is not a ws:// or wss:// address");
        }
        if (Mode is not ("online" or "2pass")) errors.Add($"speech.asr.funasr.mode: '{Mode}' is not online or 2pass");
        if (ChunkSize is not { Count: 3 } || ChunkSize.Any(c => c < 0) || ChunkSize[1] == 0)
        {
            errors.Add("speech.asr.funasr.chunk_size: three frame counts, the middle one not 0 (e.g. [5, 10, 5])");
        }
        AsrOptions.RequireRange(errors, "speech.asr.funasr.chunk_interval", ChunkInterval, 1, 100);
        AsrOptions.RequireRange(errors, "speech.asr.funasr.hot_word_weight", HotWordWeight, 1, 100);
        AsrOptions.RequireRange(errors, "speech.asr.funasr.connect_timeout_seconds", ConnectTimeoutSeconds, 0.1, 120);
        AsrOptions.RequireRange(errors, "speech.asr.funasr.final_timeout_seconds", FinalTimeoutSeconds, 0.1, 600);
        AsrOptions.RequireRange(errors, "speech.asr.funasr.retry_initial_seconds", RetryInitialSeconds, 0, 3600);
        AsrOptions.RequireRange(errors, "speech.asr.funasr.retry_max_seconds", RetryMaxSeconds, RetryInitialSeconds, 3600);
        return errors;
    }
}
