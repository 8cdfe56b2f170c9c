using Huawu.Media.Dsp;
using Huawu.Telephony.Bridges;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Engine;
using Huawu.Telephony.Legs;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Transfers;

/// <summary>
/// Moves a party from its bridge to a new destination, the same way for a REFER a bridged phone sends (RFC 3515, we
/// being the transferee's B2BUA) and for <see cref="ICallControl.TransferAsync"/>: the party leaves the bridge and hears
/// ringback while the destination is called; once it answers the party is bridged to it and the transferor (the
/// party's former partner) is handed over and ends; if it fails the party goes back to the transferor.
/// </summary>
internal sealed class CallTransfers
{
    private readonly Originator _originate;
    private readonly TransferDestinations _destinations;
    private readonly ILogger _logger;

    public CallTransfers(Originator originate, TransferDestinations destinations, ILogger logger)
    {
        _originate = originate;
        _destinations = destinations;
        _logger = logger;
    }

    /// <summary>
    /// The transferor's phone asked by REFER (already answered 202 and NOTIFY 100): each step is NOTIFYed to it, and
    /// after success it is left to hang up (or is hung up after a grace). A transferee no one can take back is hung up.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Runs unobserved after the 202: a bug must be logged, not lost.")]
    public async Task OnReferAsync(CallLeg transferor, CallLeg transferee, BridgeOptions options, string referTo)
    {
        try
        {
            await CarryOutReferAsync(transferor, transferee, options, referTo);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Call {CallId}: a bug while transferring it to {Target}", transferee.Id, referTo);
        }
    }

    private async Task CarryOutReferAsync(CallLeg transferor, CallLeg transferee, BridgeOptions options, string referTo)
    {
        var destination = _destinations.Resolve(referTo, transferee);
        var result = await MoveAsync(transferee, transferor, destination, options, transferor.ReportReferProgress, CancellationToken.None);
        transferor.ReportReferProgress(result.SipStatus ?? 500);
        transferor.CompleteTransfer(referTo, result, AfterTransfer.AwaitsBye);
        if (!result.Succeeded && transferee.Attachment is null)
        {
            await transferee.HangupAsync(HangupCause.NormalClearing);
        }
    }

    /// <summary>
    /// The API's transfer: the party's bridge partner, if any, is the transferor, told and hung up after success; without
    /// one the party itself is told.
    /// </summary>
    public async Task<TransferResult> TransferAsync(CallLeg party, string target, CancellationToken cancellationToken)
    {
        var attachment = party.Attachment;
        if (attachment is not (null or CallBridge)) return TransferResult.Failed(null, "the call is in a conference");
        var bridge = attachment as CallBridge;
        var transferor = bridge?.PartnerOf(party);
        var options = bridge?.Options ?? BridgeOptions.Default;
        var result = await MoveAsync(party, transferor, _destinations.Resolve(target, party), options, progress: null, cancellationToken);
        if (transferor is null) party.CompleteTransfer(target, result, AfterTransfer.Stays);
        else transferor.CompleteTransfer(target, result, AfterTransfer.HangsUp);
        return result;
    }

    private async Task<TransferResult> MoveAsync(
        CallLeg party, CallLeg? transferor, TransferDestination destination, BridgeOptions options, Action<int>? progress, CancellationToken cancellationToken)
    {
        if (!party.HasLiveMedia) return TransferResult.Failed(null, "the party is not answered");
        if (transferor is not null) await party.UnbridgeAsync();
        var result = destination switch
        {
            TransferDestination.Diagnostic diagnostic => TakeOver(party, diagnostic),
            TransferDestination.Dial dial => await DialAsync(party, dial, options, progress, cancellationToken),
            TransferDestination.Unroutable unroutable => TransferResult.Failed(HangupCauses.ToSipStatus(unroutable.Cause), unroutable.Reason),
            _ => throw new InvalidOperationException($"Unknown destination {destination}."),
        };
        _logger.LogInformation("Call {CallId}: transfer to {Destination}: {Result}", party.Id, destination.Name, result);
        // A failed transfer leaves the party where it was (RFC 5589 §6: the transferor may resume the call).
        if (!result.Succeeded && transferor is not null) await party.BridgeAsync(transferor, options);
        return result;
    }

    /// <summary>A diagnostic extension takes the party over in the party's own mailbox, as it would an inbound call.</summary>
    private static TransferResult TakeOver(CallLeg party, TransferDestination.Diagnostic diagnostic)
    {
        _ = party.Mailbox.RunAsync(() => diagnostic.Handler(party));
        return new TransferResult(true, 200, $"handed to {diagnostic.Name}");
    }

    private async Task<TransferResult> DialAsync(
        CallLeg party, TransferDestination.Dial dial, BridgeOptions options, Action<int>? progress, CancellationToken cancellationToken)
    {
        using var ringback = party.Transmit(new ToneGenerator(CallProgressTones.Ringback));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var placing = _originate(dial.Request with { OnBehalfOf = party.Id }, progress is null ? null : () => progress(180), stop.Token);
        if (await Task.WhenAny(placing, party.Ended) != placing) await stop.CancelAsync();
        var placed = await placing;
        if (placed.Call is not { } target) return TransferResult.Failed(placed.SipStatus ?? HangupCauses.ToSipStatus(placed.Cause), placed.Reason);
        if (!await party.BridgeAsync(target, options))
        {
            await target.HangupAsync(HangupCause.OriginatorCancel);
            return TransferResult.Failed(487, "the party left as the target answered");
        }
        return new TransferResult(true, 200, $"bridged to {target.Id}");
    }
}
