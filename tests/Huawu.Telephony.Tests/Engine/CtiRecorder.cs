using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>Everything an engine's hub publishes, kept in order, with waits for what is still to come.</summary>
internal sealed class CtiRecorder : IDisposable
{
    private readonly CtiSubscription _subscription;
    private readonly List<CtiEvent> _events = [];
    private readonly Task _reading;

    public CtiRecorder(CtiEventHub hub)
    {
        _subscription = hub.Subscribe();
        _reading = Task.Run(async () =>
        {
            await foreach (var happened in _subscription.Reader.ReadAllAsync())
            {
                lock (_events) _events.Add(happened);
            }
        });
    }

    public IReadOnlyList<CtiEvent> Of(CallId call)
    {
        lock (_events) return [.. _events.Where(e => e.CallId == call)];
    }

    /// <summary>The event names of one call, in order: "CallCreated", "CallRinging"…</summary>
    public IReadOnlyList<string> NamesOf(CallId call) => [.. Of(call).Select(e => e.GetType().Name)];

    public IReadOnlyList<T> All<T>() where T : CtiEvent
    {
        lock (_events) return [.. _events.OfType<T>()];
    }

    public async Task<T> WaitAsync<T>(Func<T, bool>? match = null) where T : CtiEvent
    {
        T? found = null;
        await Eventually.TrueAsync(() => (found = All<T>().FirstOrDefault(e => match is null || match(e))) is not null, $"a {typeof(T).Name}");
        return found!;
    }

    public Task<CallHungUp> HungUpAsync(CallId call) => WaitAsync<CallHungUp>(e => e.CallId == call);

    public void Dispose()
    {
        _subscription.Dispose();
        _reading.Wait(Eventually.Patience);
    }
}
