using System.Globalization;
using Huawu.Data;
using Huawu.Data.Audit;
using Huawu.Data.Transcripts;
using Huawu.Robot.Dialogue;
using Huawu.Speech.Pipeline;
using Microsoft.Extensions.Logging;

namespace Huawu.Robot.Runtime;

/// <summary>
/// A robot call's log in the store: transcript segments as they happen, turn latencies and hand-offs as call events,
/// the do-not-call entry (audited), and at the end the disposition, grade, tags and variables on the call record.
/// The record is written by the call-records service from the call's own events, so it is looked up by the call's
/// leg id when first needed, waiting briefly for it to appear.
/// </summary>
public sealed class StoredCallLog(DataStore store, string legId, ILogger logger, TimeProvider? time = null) : IRobotCallLog
{
    /// <summary>The call-records service writes the record on the call's first event; a call answered a moment ago may not have one yet.</summary>
    private static readonly TimeSpan RecordWait = TimeSpan.FromSeconds(3);

    private const string Actor = "robot";
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long? _callId;

    public async Task AppendAsync(RobotSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (await CallIdAsync() is not { } callId) return;
        var written = await store.Transcripts.AppendAsync(callId,
            new NewTranscriptSegment(segment.Speaker, segment.Start, segment.End, segment.Text, segment.Intent, segment.Confidence));
        if (!written.Succeeded) LogNotStored(logger, "transcript segment", legId, written.Detail ?? "", null);
    }

    public Task RecordLatencyAsync(string nodeId, TurnLatency latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        return RecordEventAsync("robot.turn_latency", string.Create(CultureInfo.InvariantCulture,
            $"node={nodeId} total_ms={latency.Total.TotalMilliseconds:F0} endpointing_ms={latency.Endpointing.TotalMilliseconds:F0} recognition_ms={latency.Recognition.TotalMilliseconds:F0} dialogue_ms={latency.Dialogue.TotalMilliseconds:F0} synthesis_ms={latency.Synthesis.TotalMilliseconds:F0} playout_ms={latency.Playout.TotalMilliseconds:F0}"));
    }

    public async Task RecordEventAsync(string kind, string detail)
    {
        if (await CallIdAsync() is { } callId) await store.Calls.AddEventAsync(callId, kind, detail);
    }

    public async Task<bool> AddDoNotCallAsync(string number, string reason)
    {
        var source = await CallIdAsync() is { } callId ? "call:" + callId.ToString(CultureInfo.InvariantCulture) : "call:" + legId;
        var added = await store.DoNotCall.AddAsync(number, reason, source);
        await store.Audit.AppendAsync(new AuditEvent(Actor, AuditAction.Created, added.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure,
            "do_not_call", source, added.Succeeded ? "the callee asked not to be called again: " + reason : added.Detail));
        if (!added.Succeeded) LogNotStored(logger, "do-not-call entry", legId, added.Detail ?? "", null);
        return added.Succeeded;
    }

    public async Task FinishAsync(ConversationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (await CallIdAsync() is not { } callId) return;
        await store.Calls.SetOutcomeAsync(callId, result.Outcome, result.Grade);
        foreach (var (name, value) in result.Variables) await store.Calls.SetVariableAsync(callId, name, value);
        if (result.Tags.Count > 0) await store.Calls.SetVariableAsync(callId, "tags", string.Join(',', result.Tags));
    }

    private async Task<long?> CallIdAsync()
    {
        if (_callId is not null) return _callId;
        var started = _time.GetTimestamp();
        while (true)
        {
            if (await store.Calls.FindByLegIdAsync(legId) is { } record) return _callId = record.Id;
            if (_time.GetElapsedTime(started) > RecordWait)
            {
                LogNotStored(logger, "robot log", legId, "the call has no record", null);
                return null;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time);
        }
    }

    private static readonly Action<ILogger, string, string, string, Exception?> LogNotStored =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning, new EventId(5101, "RobotLogNotStored"), "Robot {What} of call {Leg} not stored: {Why}");
}
