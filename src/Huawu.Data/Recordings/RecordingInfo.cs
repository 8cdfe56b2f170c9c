namespace Huawu.Data.Recordings;

/// <summary>A call recording's metadata. <see cref="AudioBytes"/> and <see cref="CompletedAt"/> are null while it is being recorded.</summary>
public sealed record RecordingInfo(long Id, long CallId, string FileId, RecordingFormat Format, DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt, long? AudioBytes)
{
    public TimeSpan? Duration => AudioBytes is { } bytes && Format.SampleRate > 0
        ? TimeSpan.FromSeconds((double)bytes / (Format.SampleRate * Math.Max(1, Format.Channels) * (Format.Codec == AudioCodec.Pcm16 ? 2 : 1)))
        : null;
}
