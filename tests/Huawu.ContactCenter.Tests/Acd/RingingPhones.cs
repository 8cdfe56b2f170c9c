using System.Collections.Concurrent;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.ContactCenter.Tests.Acd;

/// <summary>
/// Extensions' phones on fake time: each originate rings until the test answers it, its ring timeout passes (no answer, as the
/// engine's CANCEL), or the ACD cancels it. Every offer is kept with the clock time it was placed.
/// </summary>
internal sealed class RingingPhones(TimeProvider time) : ICallControl
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<OriginateResult>> _ringing = new();

    public ConcurrentQueue<Offer> Offers { get; } = new();

    public CtiEventHub Events { get; } = new();

    public IReadOnlyCollection<ICall> Calls => [];

    public ICall? FindCall(CallId id) => null;

    public bool IsRinging(string extension) => _ringing.ContainsKey(extension);

    public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default)
    {
        var rings = new TaskCompletionSource<OriginateResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(_ringing.TryAdd(request.Destination, rings), $"{request.Destination} was offered a second call while ringing");
        Offers.Enqueue(new Offer(request, time.GetUtcNow()));
        var timeout = time.CreateTimer(_ => End(request.Destination, rings, OriginateResult.Failed(HangupCause.NoAnswer, 487, "no answer")), null,
            request.RingTimeout, Timeout.InfiniteTimeSpan);
        var cancelled = cancellationToken.Register(() => End(request.Destination, rings, OriginateResult.Failed(HangupCause.OriginatorCancel, 487, "cancelled")));
        return rings.Task.ContinueWith(t =>
        {
            timeout.Dispose();
            cancelled.Dispose();
            return t.Result;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The ringing phone of <paramref name="extension"/> answers; its call is returned.</summary>
    public QueueParty Answer(string extension, string caller)
    {
        var agent = new QueueParty(caller, extension, time);
        Assert.True(_ringing.TryGetValue(extension, out var rings) && End(extension, rings, OriginateResult.Answered(agent)), $"{extension} is not ringing");
        return agent;
    }

    // Only this offer's own ringing ends: a stale timer never ends a later offer to the same phone.
    private bool End(string extension, TaskCompletionSource<OriginateResult> rings, OriginateResult result) =>
        _ringing.TryRemove(KeyValuePair.Create(extension, rings)) && rings.TrySetResult(result);

    public Task<TransferResult> TransferAsync(ICall party, string destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IConference CreateConference(string name) => throw new NotSupportedException();

    public void SetInboundHandler(Func<ICall, Task> handler) => throw new NotSupportedException();

    public sealed record Offer(OriginateRequest Request, DateTimeOffset At)
    {
        public string Extension => Request.Destination;
    }
}
