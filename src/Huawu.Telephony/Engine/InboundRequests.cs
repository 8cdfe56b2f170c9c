using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Diagnostics;
using Huawu.Telephony.Registrar;
using Huawu.Telephony.Signaling;
using Huawu.Telephony.Trunks;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Engine;

/// <summary>
/// Requests outside any dialog: REGISTER to the registrar; INVITE classified (a trunk by address, a phone by digest,
/// RFC 3261 §22.3) and turned into an inbound call for the handler; anything else that the stack let through is no
/// call of ours (481, RFC 3261 §12.2.2). Runs on the stack's threads and only hands work on.
/// </summary>
internal sealed class InboundRequests : ISipRequestHandler
{
    private readonly TelephonyOptions _options;
    private readonly SipRegistrar _registrar;
    private readonly InboundCallClassifier _classifier;
    private readonly DiagnosticExtensions _diagnostics;
    private readonly Action<SipServerTransaction, InboundCall> _onCall;
    private readonly Func<bool> _accepting;
    private readonly ILogger _logger;

    public InboundRequests(
        TelephonyOptions options, SipRegistrar registrar, InboundCallClassifier classifier, DiagnosticExtensions diagnostics,
        Action<SipServerTransaction, InboundCall> onCall, Func<bool> accepting, ILogger logger)
    {
        _options = options;
        _registrar = registrar;
        _classifier = classifier;
        _diagnostics = diagnostics;
        _onCall = onCall;
        _accepting = accepting;
        _logger = logger;
    }

    public void OnRequest(SipServerTransaction request)
    {
        switch (request.Request.Method.Known)
        {
            case KnownMethod.Register:
                request.Send(_registrar.HandleRegister(request.Request, request.RemoteEndPoint).AddHeader(HeaderId.Server, _options.Sip.UserAgent));
                break;
            case KnownMethod.Invite:
                OnInvite(request);
                break;
            default:
                request.Respond(481);
                break;
        }
    }

    private void OnInvite(SipServerTransaction request)
    {
        if (!_accepting())
        {
            // RFC 3261 §21.5.4: shutting down; another node (or this one, restarted) can take it.
            request.Respond(503);
            return;
        }
        var invite = request.Request;
        var decision = _classifier.Classify(invite, request.RemoteEndPoint);
        if (decision.Source is InboundCallSource.Challenge or InboundCallSource.Rejected)
        {
            _logger.LogInformation("INVITE from {Source} answered {Status}: {Reason}", request.RemoteEndPoint, decision.Response!.StatusCode, decision.Reason);
            request.Send(decision.Response.AddHeader(HeaderId.Server, _options.Sip.UserAgent));
            return;
        }
        var dialled = SipAddresses.PartyOf(invite.RequestUri);
        // A trunk delivers its numbers; one the node does not know goes where the trunk's calls are meant to go.
        var destination = decision.Trunk is { InboundDestination: { Length: > 0 } fallback } && !IsLocal(dialled) ? fallback : dialled;
        _onCall(request, new InboundCall(SipAddresses.PartyOf(invite.From), destination, decision.Trunk?.Name));
    }

    private bool IsLocal(string dialled) => _diagnostics.IsDiagnostic(dialled) || _options.Extensions.Exists(e => e.Number == dialled);
}

/// <summary>Who calls whom, as classification and routing found it.</summary>
internal sealed record InboundCall(string From, string To, string? Trunk);
