using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Huawu.Sip.Building;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;
using Huawu.Sip.Transactions;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Stack;

// Everything received: parsed, matched to a transaction or dialog, judged by the UAS core rules (RFC 3261 §8.2),
// and handed to the TU — or answered by the stack itself.
public sealed partial class SipStack
{
    [SuppressMessage("Design", "CA1031", Justification = "A bug while handling one message must not end the receive loop; it is reported.")]
    void ITransportSink.OnReceived(in ReceivedMessage received)
    {
        try
        {
            Dispatch(received);
        }
        catch (Exception exception)
        {
            Report(exception);
        }
    }

    private void Dispatch(in ReceivedMessage received)
    {
        if (!SipParser.TryParse(received.Bytes, Options.Parser, out var message, out var error))
        {
            OnMalformed(received, error);
        }
        else if (message.IsResponse)
        {
            OnResponse(message);
        }
        else if (message.Method.Known == KnownMethod.Ack)
        {
            OnAck(message);
        }
        else if (!Transactions.TryAbsorb(message))
        {
            OnNewRequest(received, message);
        }
    }

    private void OnResponse(SipMessage response)
    {
        // §8.1.3.3: a response with more than one Via was meant for someone else (a misrouted proxy response).
        if (response.Vias.Count() > 1)
        {
            Counters.Increment(SipCounter.MalformedResponsesDropped);
            return;
        }
        // §18.1.2: a response matching no client transaction is dropped.
        if (!Transactions.TryDeliverResponse(response)) Counters.Increment(SipCounter.StrayResponsesDropped);
    }

    private void OnNewRequest(in ReceivedMessage received, SipMessage request)
    {
        var target = ResponseTarget.For(received, request, Options.SymmetricResponseRouting);
        switch (Transactions.TryCreateServer(request, target, out var transaction))
        {
            case ServerCreation.Overloaded:
                // RFC 3261 §21.5.4: tell the client when to come back rather than drop the request.
                Counters.Increment(SipCounter.OverloadRejected);
                var seconds = Math.Max(1, (int)Math.Ceiling(Options.OverloadRetryAfter.TotalSeconds));
                AnswerStatelessly(request, target, 503, new(HeaderId.RetryAfter, seconds.ToString(CultureInfo.InvariantCulture)));
                return;
            case ServerCreation.Merged:
                Counters.Increment(SipCounter.LoopsDetected);
                AnswerStatelessly(request, target, 482);
                return;
            case ServerCreation.Retransmission:
                return;
        }
        var source = new SipEndPoint(received.Transport.Protocol, received.Source);
        if (request.Method.Known == KnownMethod.Cancel)
        {
            OnCancel(transaction!);
            return;
        }
        var verdict = validator.Validate(request);
        if (!verdict.IsAccepted)
        {
            Counters.Increment(verdict.StatusCode == 505 ? SipCounter.BadVersionRejected : SipCounter.RequestsRejected);
            transaction!.TrySend(WithServer(verdict.CreateResponse(request, transaction.LocalTag)));
        }
        else if (request.Method.Known == KnownMethod.Options && Options.AnswerOptions)
        {
            AnswerOptions(transaction!);
        }
        else if (request.To.HasTag)
        {
            OnDialogRequest(transaction!, source);
        }
        else
        {
            handler.OnRequest(new SipServerTransaction(this, transaction!, source, null));
        }
    }

    /// <summary>RFC 3261 §12.2.2: a request with a To tag belongs to a dialog; none matching gets 481.</summary>
    private void OnDialogRequest(ServerTransaction transaction, SipEndPoint source)
    {
        if (!Dialogs.TryGet(DialogKey.ForReceivedRequest(transaction.Request), out var dialog) || dialog.State == SipDialogState.Terminated)
        {
            Counters.Increment(SipCounter.NoDialogRejected);
            transaction.TrySend(WithServer(transaction.CreateResponse(481)));
            return;
        }
        dialog.OnRequest(new SipServerTransaction(this, transaction, source, dialog));
    }

    /// <summary>
    /// RFC 3261 §9.2: a CANCEL matching a pending INVITE gets 200 (with the INVITE's To tag) and the INVITE 487; one
    /// matching nothing gets 481.
    /// </summary>
    private void OnCancel(ServerTransaction cancel)
    {
        var invite = Transactions.FindCancelled(cancel.Request);
        if (invite is null)
        {
            Counters.Increment(SipCounter.NoDialogRejected);
            cancel.TrySend(WithServer(cancel.CreateResponse(481)));
            return;
        }
        cancel.TrySend(WithServer(SipMessageBuilder.CreateResponse(cancel.Request, 200, null, invite.LocalTag)));
        invite.TryCancel();
    }

    /// <summary>An ACK: for a failure, its INVITE transaction absorbs it; for a 2xx, its dialog takes it (§13.3.1.4).</summary>
    private void OnAck(SipMessage ack)
    {
        if (Transactions.TryAbsorb(ack)) return;
        if (ack.To.HasTag && Dialogs.TryGet(DialogKey.ForReceivedRequest(ack), out var dialog))
        {
            dialog.OnAck(ack);
            return;
        }
        Counters.Increment(SipCounter.StrayAcksDropped);
    }

    /// <summary>RFC 3261 §11.2: OPTIONS learns what this node supports.</summary>
    private void AnswerOptions(ServerTransaction transaction)
    {
        var capabilities = Options.Capabilities;
        var response = WithServer(transaction.CreateResponse(200))
            .AddHeader(HeaderId.Allow, string.Join(", ", capabilities.Methods))
            .AddHeader(HeaderId.Accept, string.Join(", ", capabilities.ContentTypes))
            .AddHeader(HeaderId.Supported, string.Join(", ", capabilities.Extensions));
        transaction.TrySend(response);
    }

    /// <summary>
    /// A malformed request gets 400 with the parser's reason (RFC 4475 §3.1.2, §3.3.1) when the client can match the
    /// answer to its transaction: a Via and a CSeq are there (RFC 3261 §17.1.3); the response copies whatever else it
    /// can (§8.2.6.2). An ACK never gets an answer. A malformed response is dropped (§16.7).
    /// </summary>
    private void OnMalformed(in ReceivedMessage received, SipParseError error)
    {
        if (!error.LooksLikeRequest)
        {
            Counters.Increment(SipCounter.MalformedResponsesDropped);
            return;
        }
        var answered = error.CanRespond && TryAnswerMalformed(received, error.PartialMessage!, error.Reason);
        Counters.Increment(answered ? SipCounter.MalformedRequestsAnswered : SipCounter.MalformedRequestsDropped);
    }

    private bool TryAnswerMalformed(in ReceivedMessage received, SipMessage partial, string reason)
    {
        if (partial.MethodBytes.SequenceEqual("ACK"u8)) return false;
        if (!partial.Contains(HeaderId.Via) || !partial.Contains(HeaderId.CSeq)) return false;
        // Routed by the top Via when it can be read, else straight back to the source.
        var symmetric = Options.SymmetricResponseRouting;
        var target = partial.GetValues(HeaderId.Via).TryGetFirst(out var topVia) && ViaHeader.TryParse(Encoding.UTF8.GetString(topVia.Span), out var via)
            ? new ResponseTarget(
                ResponseRouting.Route(received.Transport, received.Source, received.Connection, via, symmetric),
                ViaStamp.Stamp(via, received.Source, symmetric))
            : new ResponseTarget(new OutboundRoute(received.Transport, received.Source, received.Connection), null);
        var response = WithServer(SipMessageBuilder.CreateResponse(partial, 400, reason, SipIdentifiers.NewTag()));
        target.Send(target.Serialize(response), null);
        return true;
    }

    private void AnswerStatelessly(SipMessage request, ResponseTarget target, int statusCode, KeyValuePair<HeaderId, string>? header = null)
    {
        var response = WithServer(SipMessageBuilder.CreateResponse(request, statusCode, null, SipIdentifiers.NewTag()));
        if (header is { } extra) response.AddHeader(extra.Key, extra.Value);
        target.Send(target.Serialize(response), null);
    }

    private SipMessageBuilder WithServer(SipMessageBuilder response) => response.AddHeader(HeaderId.Server, Options.UserAgent);
}
