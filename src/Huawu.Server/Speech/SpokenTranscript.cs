using System.Globalization;
using Huawu.Data;
using Huawu.Data.Transcripts;
using Huawu.Speech.Pipeline;
using Huawu.Telephony.Calls;

namespace Huawu.Server.Speech;

/// <summary>
/// What was said on a call, as its pipeline saw it, for the call record: the caller's utterances (from their first to
/// their last speech window) and the robot's playbacks (from their first packet), so that a turn's latency is the robot
/// segment's start less the caller segment's end; and each measured turn as a <c>speech_turn</c> call event with its
/// split. Times are from the answer. Written once the call has ended, when its record surely exists.
/// </summary>
internal sealed class SpokenTranscript(TimeSpan pipelineStart, bool keepKeys)
{
    private static readonly TimeSpan RecordPatience = TimeSpan.FromSeconds(5);
    private readonly List<NewTranscriptSegment> _segments = [];
    private readonly Dictionary<long, string?> _playbackTexts = [];
    private readonly List<PipelineEvent.TurnMeasured> _turns = [];

    public void Saying(SpeechPlayback playback) => _playbackTexts[playback.Id] = playback.Text;

    /// <summary>Takes what belongs in the transcript from a pipeline event.</summary>
    public void Add(PipelineEvent happened)
    {
        switch (happened)
        {
            case PipelineEvent.Recognized heard:
                _segments.Add(new NewTranscriptSegment("customer", Call(heard.SpeechStart), Call(heard.SpeechEnd), heard.Result.Text,
                    Confidence: heard.Result.Confidence));
                break;
            case PipelineEvent.KeysEntered keys:
                _segments.Add(new NewTranscriptSegment("customer", Call(keys.At), Call(keys.At), keepKeys ? keys.Keys : "(keys)"));
                break;
            case PipelineEvent.PlaybackEnded { Started: { } started } played when _playbackTexts.TryGetValue(played.Playback, out var text):
                _segments.Add(new NewTranscriptSegment("robot", Call(started), Call(started + played.Played), text ?? ""));
                break;
            case PipelineEvent.TurnMeasured measured:
                _turns.Add(measured);
                break;
        }
    }

    /// <summary>Appends the segments (in time order) and the turn events to the call's record.</summary>
    public async Task StoreAsync(DataStore store, ICall call, CancellationToken cancellation)
    {
        var record = await FindRecordAsync(store, call.Id.Value, cancellation);
        if (record is null) return;
        foreach (var segment in _segments.OrderBy(s => s.Start)) await store.Transcripts.AppendAsync(record.Id, segment, cancellation);
        var answered = call.AnsweredAt ?? DateTimeOffset.UtcNow;
        for (var i = 0; i < _turns.Count; i++)
        {
            var turn = _turns[i];
            await store.Calls.AddEventAsync(record.Id, answered + Call(turn.At), "speech_turn", Detail(call, i + 1, turn.Latency), cancellation);
        }
    }

    private static string Detail(ICall call, int number, TurnLatency latency) => string.Create(CultureInfo.InvariantCulture,
        $"leg={call.Id.Value} turn={number} total_ms={Ms(latency.Total)} endpointing_ms={Ms(latency.Endpointing)} " +
        $"recognition_ms={Ms(latency.Recognition)} dialogue_ms={Ms(latency.Dialogue)} synthesis_ms={Ms(latency.Synthesis)} " +
        $"playout_ms={Ms(latency.Playout)} overhead_ms={Ms(latency.Overhead)}");

    private static long Ms(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);

    /// <summary>The record of the call (written by the call record service from the call's first event; it may lag).</summary>
    private static async Task<Huawu.Data.Calls.CallRecord?> FindRecordAsync(DataStore store, string legId, CancellationToken cancellation)
    {
        for (var waited = TimeSpan.Zero; waited < RecordPatience; waited += TimeSpan.FromMilliseconds(100))
        {
            if (await store.Calls.FindByLegIdAsync(legId, cancellation) is { } record) return record;
            await Task.Delay(100, cancellation);
        }
        return null;
    }

    private TimeSpan Call(TimeSpan pipelineTime) => pipelineStart + pipelineTime;
}
