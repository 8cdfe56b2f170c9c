using System.Globalization;
using Huawu.Media.Dsp;
using Huawu.Robot.Runtime;
using Huawu.Telephony.Calls;
using Microsoft.Extensions.Logging;

namespace Huawu.ContactCenter.Acd;

// One caller's wait: offers in rounds (each free member once, by the queue's strategy; a member who let it ring out is
// offered again only in a later round), until a member answers, the wait is over, or the caller leaves.
public sealed partial class AutomaticCallDistributor
{
    public async Task<QueueHandOffResult> ConnectAsync(QueueHandOff handOff, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(handOff);
        if (!_queues.TryGetValue(handOff.Queue, out var queue)) return new QueueHandOffResult(HandOffOutcome.Failed, Reason: $"no queue '{handOff.Queue}'");
        // The script's no-answer time or the queue's limit, whichever is shorter.
        var wait = queue.MaxWait < handOff.MaxWait ? queue.MaxWait : handOff.MaxWait;
        var deadline = _time.GetUtcNow() + wait;
        using var waitOver = new CancellationTokenSource(wait, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, waitOver.Token);
        _logger.LogInformation("Queue {Queue}: call {CallId} waits at most {Seconds} s", queue.Name, handOff.Caller.Id, wait.TotalSeconds);
        var ringback = handOff.Caller.PlayAsync(new ToneGenerator(CallProgressTones.Ringback), stop.Token);
        try
        {
            return await RouteAsync(queue, handOff, deadline, wait, stop);
        }
        finally
        {
            // The ringback ends before the robot bridges the agent or speaks again.
            await stop.CancelAsync();
            await ringback;
        }
    }

    private async Task<QueueHandOffResult> RouteAsync(QueueDefinition queue, QueueHandOff handOff, DateTimeOffset deadline, TimeSpan wait,
        CancellationTokenSource stop)
    {
        var rangOut = new HashSet<string>(StringComparer.Ordinal);
        var offers = 0;
        while (!stop.IsCancellationRequested && !handOff.Caller.Ended.IsCompleted)
        {
            var free = MemberPicker.Order(await ExtensionsOfAsync(queue, stop.Token), IsFree, _activity.IdleSince);
            var next = free.Where(e => !rangOut.Contains(e)).ToList();
            if (next.Count == 0)
            {
                // Nobody free, or every free member has had its turn: a new round after a pause.
                rangOut.Clear();
                await Task.Delay(RecheckInterval, _time, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            var offered = Engage(queue.Strategy == QueueStrategy.RingAll ? next : next.Take(1));
            if (offered.Count == 0) continue;
            offers += offered.Count;
            if (await OfferAsync(queue, handOff, offered, deadline, stop) is { } answered) return answered;
            rangOut.UnionWith(offered);
        }
        if (handOff.Caller.Ended.IsCompleted) return new QueueHandOffResult(HandOffOutcome.Failed, Reason: "the caller left while waiting");
        return new QueueHandOffResult(HandOffOutcome.NoAnswer, Reason: string.Create(CultureInfo.InvariantCulture,
            $"queue '{queue.Name}': nobody answered within {wait.TotalSeconds} s ({offers} offers)"));
    }

    /// <summary>
    /// Rings <paramref name="extensions"/> for the ring time (less when the wait ends sooner); the first to answer takes the
    /// call and the others are cancelled. Null when nobody answered. Each extension is released when its offer is over — the
    /// answering one only once its call ends.
    /// </summary>
    private async Task<QueueHandOffResult?> OfferAsync(QueueDefinition queue, QueueHandOff handOff, List<string> extensions,
        DateTimeOffset deadline, CancellationTokenSource stop)
    {
        var remaining = deadline - _time.GetUtcNow();
        var ringTime = queue.RingTime < remaining ? queue.RingTime : remaining;
        using var ringing = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        var pending = extensions.Select(extension => RingAsync(queue, handOff, extension, ringTime, ringing.Token)).ToList();
        QueueHandOffResult? answered = null;
        Task callerLeft = handOff.Caller.Ended;
        while (pending.Count > 0)
        {
            var first = await Task.WhenAny(pending.Cast<Task>().Append(callerLeft));
            if (first == callerLeft)
            {
                await ringing.CancelAsync();
                foreach (var (extension, rung) in await Task.WhenAll(pending)) await DropAsync(extension, rung);
                return null;
            }
            var offer = (Task<(string Extension, OriginateResult Rung)>)first;
            pending.Remove(offer);
            var (offeredTo, result) = await offer;
            if (answered is null && result.Call is { } agent)
            {
                _logger.LogInformation("Queue {Queue}: {Extension} answered call {CallId}", queue.Name, offeredTo, handOff.Caller.Id);
                answered = new QueueHandOffResult(HandOffOutcome.Answered, agent, offeredTo);
                _ = agent.Ended.ContinueWith(_ => Release(offeredTo), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                await ringing.CancelAsync();
                continue;
            }
            _logger.LogInformation("Queue {Queue}: {Extension} did not take call {CallId}: {Reason}", queue.Name, offeredTo, handOff.Caller.Id, result.Reason);
            await DropAsync(offeredTo, result);
        }
        return answered;
    }

    /// <summary>An offer that did not win: a member who answered a moment too late (another was first) is hung up; the member is free again.</summary>
    private async Task DropAsync(string extension, OriginateResult rung)
    {
        if (rung.Call is { } late) await late.HangupAsync(HangupCause.OriginatorCancel);
        Release(extension);
    }

    private async Task<(string Extension, OriginateResult Rung)> RingAsync(QueueDefinition queue, QueueHandOff handOff, string extension,
        TimeSpan ringTime, CancellationToken cancellation)
    {
        _logger.LogInformation("Queue {Queue}: offering call {CallId} to {Extension} for {Seconds} s", queue.Name, handOff.Caller.Id, extension, ringTime.TotalSeconds);
        // The agent's screen shows the context while the phone rings.
        await handOff.Offering(extension, cancellation);
        var rung = await _control.OriginateAsync(new OriginateRequest(extension)
        {
            OnBehalfOf = handOff.Caller.Id,
            CallerId = handOff.CallerId,
            RingTimeout = ringTime,
        }, cancellation);
        return (extension, rung);
    }
}
