namespace Huawu.Data.Transcripts;

/// <summary>One utterance of a call's transcript; <see cref="Text"/> is stored encrypted.</summary>
public sealed record TranscriptSegment(long Id, long CallId, int Sequence, string Speaker, TimeSpan Start, TimeSpan End, string Text,
    string? Intent, double? Confidence);

/// <summary>An utterance to append: who spoke (<c>customer</c>, <c>robot</c>, <c>agent</c>), when in the call, what, and the intent recognized.</summary>
public sealed record NewTranscriptSegment(string Speaker, TimeSpan Start, TimeSpan End, string Text, string? Intent = null, double? Confidence = null);
