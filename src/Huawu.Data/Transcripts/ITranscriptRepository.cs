namespace Huawu.Data.Transcripts;

/// <summary>Call transcripts, appended utterance by utterance as the robot or ASR produces them.</summary>
public interface ITranscriptRepository
{
    /// <summary>Appends the next utterance of a call; <see cref="DataProblem.NotFound"/> when the call does not exist.</summary>
    Task<DataResult<TranscriptSegment>> AppendAsync(long callId, NewTranscriptSegment segment, CancellationToken cancellation = default);

    Task<IReadOnlyList<TranscriptSegment>> ForCallAsync(long callId, CancellationToken cancellation = default);

    Task<int> DeleteForCallAsync(long callId, CancellationToken cancellation = default);
}
