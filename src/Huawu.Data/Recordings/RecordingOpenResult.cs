namespace Huawu.Data.Recordings;

/// <summary>A recording opened for playback (a seekable stream of its audio), or why it cannot be played.</summary>
public sealed class RecordingOpenResult
{
    private RecordingOpenResult(Stream? audio, RecordingFormat format, string? error)
    {
        Audio = audio;
        Format = format;
        Error = error;
    }

    /// <summary>The decrypted audio; dispose it when done.</summary>
    public Stream? Audio { get; }

    public RecordingFormat Format { get; }

    public string? Error { get; }

    internal static RecordingOpenResult Opened(Stream audio, RecordingFormat format) => new(audio, format, null);

    internal static RecordingOpenResult Failed(string error) => new(null, default, error);
}
