using Huawu.Telephony.Calls;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Engine;

/// <summary>
/// An inbound call to a local extension, as a B2BUA: every registered phone of the extension rings (first answer wins,
/// the others are cancelled), the caller is told it rings (180) when a phone does, is answered when a phone answers,
/// and the two are bridged. A phone that is busy, no answer within the ring time, or no phone registered reach the
/// caller as 486, 480, 480 (RFC 3398 §7.2.4.1 through <see cref="HangupCauses.ToSipStatus"/>); the caller leaving
/// (CANCEL) cancels the ringing phones.
/// </summary>
internal sealed class ExtensionCalls
{
    private readonly Originator _originate;
    private readonly TimeSpan _ringTimeout;
    private readonly ILogger _logger;

    public ExtensionCalls(Originator originate, TimeSpan ringTimeout, ILogger logger)
    {
        _originate = originate;
        _ringTimeout = ringTimeout;
        _logger = logger;
    }

    /// <summary>Owns <paramref name="caller"/> until it ends (the bridge hangs it up with the phone, and the phone with it).</summary>
    public async Task ConnectAsync(ICall caller)
    {
        using var callerLeft = new CancellationTokenSource();
        var request = new OriginateRequest(caller.To) { CallerId = caller.From, RingTimeout = _ringTimeout, OnBehalfOf = caller.Id };
        // RFC 3261 §16.7 (as a proxy relays the best provisional): the caller hears ringback once a phone rings.
        var placing = _originate(request, onRinging: () => _ = caller.RingAsync(), callerLeft.Token);
        if (await Task.WhenAny(placing, caller.Ended) != placing) await callerLeft.CancelAsync();
        var result = await placing;
        if (result.Call is not { } phone)
        {
            _logger.LogInformation("Call {CallId} to extension {Extension}: {Result}", caller.Id, caller.To, result);
            await caller.HangupAsync(result.Cause);
            return;
        }
        if (!await caller.AnswerAsync() || !await caller.BridgeAsync(phone))
        {
            // The caller left as the phone answered.
            await phone.HangupAsync(HangupCause.OriginatorCancel);
            return;
        }
        await caller.Ended;
    }
}
