namespace Huawu.Testing.Peers.SoftPhone;

// The event log. In pipe mode the daemon only queues events, so a pump pops them (pop-event) while linphone runs and
// keeps them in arrival order, for waiting and for assertions. The pump stops when linphone is told to quit.
public sealed partial class Linphone
{
    private static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(40);
    private readonly List<LinphoneEvent> _events = [];
    private readonly List<(Func<LinphoneEvent, bool> Match, TaskCompletionSource<LinphoneEvent> Found)> _waiters = [];
    private readonly CancellationTokenSource _stopPump = new();
    private Task _pump = Task.CompletedTask;

    /// <summary>Every event received so far, oldest first.</summary>
    public IReadOnlyList<LinphoneEvent> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    /// <summary>The states call <paramref name="callId"/> went through, in order ("IncomingReceived", "Connected", …).</summary>
    public IReadOnlyList<string> CallStates(int callId) =>
        [.. Events.Where(e => e.CallId == callId && e.CallState is not null).Select(e => e.CallState!)];

    /// <summary>The DTMF keys linphone received, in order.</summary>
    public string ReceivedTones => string.Concat(Events.Where(e => e.Tone is not null).Select(e => e.Tone!.Value));

    /// <summary>
    /// The first call-state-changed event to <paramref name="state"/> (e.g. "IncomingReceived", "StreamsRunning") that
    /// satisfies <paramref name="match"/>, waiting for it if needed. Fails with the events and the log if it does not
    /// come within the timeout or linphone exits.
    /// </summary>
    public Task<LinphoneEvent> WaitForCallStateAsync(string state, Func<LinphoneEvent, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForAsync(e => e.CallState == state && (match is null || match(e)), "call state " + state, timeout);

    /// <summary>Waits for the first event that satisfies <paramref name="match"/>.</summary>
    public async Task<LinphoneEvent> WaitForAsync(Func<LinphoneEvent, bool> match, string description, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<LinphoneEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (match, found);
        lock (_events)
        {
            if (_events.FirstOrDefault(match) is { } already) return already;
            _waiters.Add(waiter);
        }
        var limit = timeout ?? Options.CommandTimeout;
        try
        {
            var finished = await Task.WhenAny(found.Task, _process.Exited).WaitAsync(limit);
            return finished == found.Task ? await found.Task : throw new InvalidOperationException($"linphone exited while waiting for {description}.\n{Describe()}");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"linphone reported no {description} within {limit}.\n{Describe()}");
        }
        finally
        {
            lock (_events) _waiters.Remove(waiter);
        }
    }

    private void StartEventPump() => _pump = Task.Run(() => PumpAsync(_stopPump.Token));

    private async Task StopEventPumpAsync()
    {
        if (!_stopPump.IsCancellationRequested) await _stopPump.CancelAsync();
        await _pump;
    }

    // Pops until the queue is empty, then pauses; ends when stopped or when the daemon goes away.
    private async Task PumpAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await Pipe.SendAsync("pop-event", Options.CommandTimeout);
                if (!Record(response)) await Task.Delay(PumpInterval, stop);
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or IOException or TimeoutException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // Stopping, or linphone exited or hung: waits fail with its output instead.
        }
    }

    // Keeps the popped event, if the queue had one, and wakes whoever waits for it.
    private bool Record(LinphoneResponse popped)
    {
        lock (_events)
        {
            if (LinphoneEvent.FromPopped(_events.Count, popped) is not { } received) return false;
            _events.Add(received);
            foreach (var (match, found) in _waiters)
            {
                if (match(received)) found.TrySetResult(received);
            }
            return true;
        }
    }
}
