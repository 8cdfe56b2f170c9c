using System.Text.Json;

namespace Huawu.Testing.Peers.SoftPhone;

// The event log: every ctrl_tcp event in arrival order, for waiting and for assertions.
public sealed partial class Baresip
{
    private readonly List<BaresipEvent> _events = [];
    private readonly List<(Func<BaresipEvent, bool> Match, TaskCompletionSource<BaresipEvent> Found)> _waiters = [];

    /// <summary>Every event received so far, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    /// <summary>How many events have arrived; pass it as <c>fromIndex</c> to wait only for later ones.</summary>
    public int EventCount
    {
        get { lock (_events) return _events.Count; }
    }

    /// <summary>The account's registration state from the latest REGISTERING / REGISTER_OK / REGISTER_FAIL / UNREGISTERING.</summary>
    public BaresipRegistration Registration
    {
        get
        {
            lock (_events)
            {
                var last = _events.LastOrDefault(e => e.Class == "register");
                return last?.Type switch
                {
                    "REGISTERING" => BaresipRegistration.Registering,
                    "REGISTER_OK" => BaresipRegistration.Registered,
                    "REGISTER_FAIL" => BaresipRegistration.Failed,
                    "UNREGISTERING" => BaresipRegistration.Unregistering,
                    _ => BaresipRegistration.None,
                };
            }
        }
    }

    /// <summary>
    /// The first event of <paramref name="type"/> (e.g. "CALL_ESTABLISHED") at or after <paramref name="fromIndex"/>
    /// that satisfies <paramref name="match"/>, waiting for it if needed. Fails with the event log and output if
    /// it does not come within the timeout or baresip exits.
    /// </summary>
    public Task<BaresipEvent> WaitForEventAsync(string type, Func<BaresipEvent, bool>? match = null, TimeSpan? timeout = null, int fromIndex = 0) =>
        WaitForAsync(e => e.Index >= fromIndex && e.Type == type && (match is null || match(e)), type, timeout);

    /// <summary>Waits until registration succeeds or fails (RFC 3261 §10.2: 200 or a final error) and returns which.</summary>
    public async Task<BaresipRegistration> WaitForRegistrationAsync(TimeSpan? timeout = null)
    {
        var outcome = await WaitForAsync(e => e.Type is "REGISTER_OK" or "REGISTER_FAIL", "REGISTER_OK or REGISTER_FAIL", timeout);
        return outcome.Type == "REGISTER_OK" ? BaresipRegistration.Registered : BaresipRegistration.Failed;
    }

    private async Task<BaresipEvent> WaitForAsync(Func<BaresipEvent, bool> match, string description, TimeSpan? timeout)
    {
        var found = new TaskCompletionSource<BaresipEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
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
            return finished == found.Task ? await found.Task : throw new InvalidOperationException($"baresip exited while waiting for {description}.\n{Describe()}");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"baresip reported no {description} within {limit}.\n{Describe()}");
        }
        finally
        {
            lock (_events) _waiters.Remove(waiter);
        }
    }

    private void Record(JsonElement root)
    {
        lock (_events)
        {
            var received = BaresipEvent.Parse(_events.Count, root);
            _events.Add(received);
            foreach (var (match, found) in _waiters)
            {
                if (match(received)) found.TrySetResult(received);
            }
        }
    }
}
