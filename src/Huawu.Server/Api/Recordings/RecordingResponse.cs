using Huawu.Data.Recordings;

namespace Huawu.Server.Api.Recordings;

/// <summary>A recording's metadata; the audio is at <c>/api/v1/recordings/{id}/audio</c>.</summary>
public sealed record RecordingResponse(long Id, long CallId, string Codec, int SampleRate, int Channels, DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt, long? AudioBytes, double? DurationSeconds)
{
    internal static RecordingResponse From(RecordingInfo info) => new(info.Id, info.CallId, info.Format.Codec.ToString().ToLowerInvariant(),
        info.Format.SampleRate, info.Format.Channels, info.StartedAt, info.CompletedAt, info.AudioBytes, info.Duration?.TotalSeconds);
}
