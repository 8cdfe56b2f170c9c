using System.Threading.Channels;
using Huawu.Data;

namespace Huawu.Server.Calls;

/// <summary>
/// Applies the queued writes to the store one at a time, in the order the calls' events happened (the second stage of
/// <see cref="CallRecordService"/>). Remembers the row ids of the calls and legs it has open. A write that fails is
/// reported (<see cref="CallRecordProblems"/>) and the rest go on; the later writes of a call whose row could not be
/// written are skipped, as it has no row to hang them on.
/// </summary>
internal sealed class CallRecordWriter(DataStore store, OpenCallJournal journal, RecordingCompletions recordings, CallRecordProblems problems)
{
    private readonly Dictionary<string, long> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _legs = new(StringComparer.Ordinal);

    /// <summary>Calls whose row is written and not yet closed.</summary>
    public int OpenCalls => _calls.Count;

    /// <summary>Writes until <paramref name="steps"/> is completed and empty, or <paramref name="abort"/> (then throws).</summary>
    public async Task RunAsync(ChannelReader<RecordStep> steps, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(steps);
        await foreach (var step in steps.ReadAllAsync(abort))
        {
            try
            {
                await ApplyAsync(step, abort);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store is down or refused the write; the call goes on, and so do the writes of other calls.
                await problems.NotStoredAsync(step.CallUuid, Describe(step), $"{e.GetType().Name}: {e.Message}");
            }
        }
    }

    private async Task ApplyAsync(RecordStep step, CancellationToken abort)
    {
        if (step is OpenCall open)
        {
            await OpenAsync(open, abort);
            return;
        }
        if (step is StartRecording recording)
        {
            await StartRecordingAsync(recording, abort);
            return;
        }
        if (!_calls.TryGetValue(step.CallUuid, out var callId)) return;
        var stored = step switch
        {
            AddLeg leg => await AddLegAsync(callId, leg, abort),
            MarkAnswered answered => await store.Calls.MarkAnsweredAsync(callId, answered.At, abort),
            // A leg whose row could not be written was reported then; its later writes have nothing to update.
            MarkLegAnswered answered => !_legs.TryGetValue(answered.LegUuid, out var legId) ||
                                        await store.Calls.MarkLegAnsweredAsync(legId, answered.At, abort),
            AddEvent added => (await store.Calls.AddEventAsync(callId, added.At, added.Kind, added.Detail, abort)).Value is not null,
            EndLeg ended => !_legs.Remove(ended.LegUuid, out var legId) || await store.Calls.EndLegAsync(legId, ended.End, abort),
            CloseCall close => await CloseAsync(callId, close, abort),
            _ => throw new InvalidOperationException($"Unknown call record step {step}."),
        };
        if (!stored) await problems.NotStoredAsync(step.CallUuid, Describe(step), "its call is no longer in the store");
    }

    private async Task OpenAsync(OpenCall open, CancellationToken abort)
    {
        // Journal first: a crash after the row exists always finds it listed (RestartRecovery).
        journal.Opened(open.CallUuid);
        var inserted = await store.Calls.InsertAsync(open.Record, abort);
        if (inserted.Value is { } call)
        {
            _calls[open.CallUuid] = call.Id;
            return;
        }
        journal.Closed(open.CallUuid);
        await problems.NotStoredAsync(open.CallUuid, Describe(open), inserted.Detail ?? inserted.Problem.ToString());
    }

    private async Task<bool> AddLegAsync(long callId, AddLeg add, CancellationToken abort)
    {
        if ((await store.Calls.AddLegAsync(callId, add.Leg, abort)).Value is not { } leg) return false;
        _legs[add.Leg.LegUuid] = leg.Id;
        return true;
    }

    private async Task<bool> CloseAsync(long callId, CloseCall close, CancellationToken abort)
    {
        _calls.Remove(close.CallUuid);
        var ended = await store.Calls.EndAsync(callId, close.End, abort);
        journal.Closed(close.CallUuid);
        return ended;
    }

    /// <summary>Gives the recording its row and encrypted file; without them (the call ended first, no row) it is dropped.</summary>
    private async Task StartRecordingAsync(StartRecording step, CancellationToken abort)
    {
        var running = await step.Started;
        var attached = false;
        try
        {
            if (running is null || !_calls.TryGetValue(step.CallUuid, out var callId)) return;
            var started = await store.Recordings.StartAsync(callId, RecordingOptions.Format, abort);
            if (started.Value is not { } writer)
            {
                await problems.NotStoredAsync(step.CallUuid, Describe(step), started.Detail ?? started.Problem.ToString());
                return;
            }
            step.Sink.Attach(writer);
            attached = true;
            recordings.Watch(step.CallUuid, step.Sink);
        }
        finally
        {
            if (!attached)
            {
                running?.Stop();
                step.Sink.Discard();
            }
        }
    }

    private static string Describe(RecordStep step) => step switch
    {
        OpenCall => "call",
        AddLeg => "leg",
        MarkAnswered => "answer",
        MarkLegAnswered => "leg's answer",
        AddEvent e => $"'{e.Kind}' event",
        EndLeg => "leg's end",
        CloseCall => "call's end",
        StartRecording => "recording",
        _ => step.GetType().Name,
    };
}
