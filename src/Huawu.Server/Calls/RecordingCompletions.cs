namespace Huawu.Server.Calls;

/// <summary>
/// Watches recordings being sealed (after their call's hang-up), logging each outcome and reporting failures; the
/// service waits for the rest when it stops, so no recording is left half-written by an orderly shutdown.
/// </summary>
internal sealed class RecordingCompletions(CallRecordProblems problems, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<Task> _watching = [];

    /// <summary>Recordings not sealed yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return _watching.Count(t => !t.IsCompleted);
        }
    }

    public void Watch(string callUuid, EncryptedRecordingSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var watching = WatchAsync(callUuid, sink);
        lock (_gate)
        {
            _watching.RemoveAll(t => t.IsCompleted);
            _watching.Add(watching);
        }
    }

    /// <summary>Completes once every recording watched so far is sealed (or failed).</summary>
    public Task DrainAsync(CancellationToken cancellation)
    {
        Task[] all;
        lock (_gate) all = [.. _watching];
        return Task.WhenAll(all).WaitAsync(cancellation);
    }

    private async Task WatchAsync(string callUuid, EncryptedRecordingSink sink)
    {
        try
        {
            if (await sink.Completion is not { } recording) return;
            logger.LogInformation("Call {CallId}: recording {RecordingId} sealed, {Seconds:0.0} s", callUuid, recording.Id, recording.Duration?.TotalSeconds);
            if (sink.DroppedBytes > 0)
            {
                await problems.NotStoredAsync(callUuid, "recording's start",
                    $"{sink.DroppedBytes} bytes of audio came more than {EncryptedRecordingSink.MaxPendingSeconds} s before the store could take them");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await problems.NotStoredAsync(callUuid, "recording", $"{e.GetType().Name}: {e.Message}");
        }
    }
}
