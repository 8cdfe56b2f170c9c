using Huawu.Telephony.Calls;
using Huawu.Telephony.Legs;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Engine;

// Outbound calls: one leg per target; with several (an extension's phones) the first to answer wins.
public sealed partial class TelephonyEngine
{
    public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default) =>
        OriginateAsync(request, onRinging: null, cancellationToken);

    /// <summary>Places a call as <see cref="OriginateAsync(OriginateRequest, CancellationToken)"/>, telling <paramref name="onRinging"/> each time a leg starts ringing.</summary>
    internal async Task<OriginateResult> OriginateAsync(OriginateRequest request, Action? onRinging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsReady) return OriginateResult.Failed(HangupCause.TemporaryFailure, null, "telephony is not running");
        var targets = _routing.Resolve(request, out var failure);
        if (failure is not null)
        {
            _logger.LogInformation("Originate to {Destination} failed before dialling: {Reason}", request.Destination, failure.Reason);
            return failure;
        }
        if (request.Id is { } id && (targets.Count != 1 || _calls.ContainsKey(id)))
        {
            return OriginateResult.Failed(HangupCause.NormalUnspecified, null,
                targets.Count != 1 ? "a chosen call id needs a call with one target (a trunk or a SIP URI)" : $"call id {id} is in use");
        }
        var legs = targets.Select(target => (Leg: CallLeg.ForTarget(_legs, target, request.Id), Target: target)).ToList();
        var attempts = new List<Task<OriginateResult>>();
        foreach (var (leg, target) in legs)
        {
            _calls[leg.Id] = leg;
            attempts.Add(leg.Mailbox.InvokeAsync(() => leg.RunOutboundAsync(target, request, onRinging)).Unwrap());
        }
        using var cancellation = cancellationToken.Register(() => HangUpAll(legs.Select(l => l.Leg), HangupCause.OriginatorCancel));
        var failures = new List<OriginateResult>();
        var pending = attempts.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            var result = await done;
            if (!result.IsAnswered)
            {
                failures.Add(result);
                continue;
            }
            // RFC 3261 §16.7 (as a forking proxy would): the first 2xx wins, the other branches are cancelled.
            HangUpAll(legs.Select(l => l.Leg).Where(l => l != result.Call), HangupCause.NonSelectedUserClearing);
            return result;
        }
        return failures.Find(f => f.Cause == HangupCause.UserBusy) ?? failures[^1];
    }

    private static void HangUpAll(IEnumerable<CallLeg> legs, HangupCause cause)
    {
        foreach (var leg in legs) _ = leg.HangupAsync(cause);
    }
}
