using System.Globalization;
using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Building;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Stack;

// Sending, and sending again: with credentials after 401/407 (RFC 3261 §22.2), after glare (§14.1).
public sealed partial class SipClientRequest
{
    private int authenticationAttempts;
    private bool glareRetried;
    private ITimer? glareTimer;

    internal static SipClientRequest Start(SipStack stack, SipMessageBuilder request, SipDialog? dialog, ISipDialogHandler? dialogHandler, SipSendOptions options)
    {
        var sending = new SipClientRequest(stack, request.Method.Known, dialog, dialogHandler, options);
        stack.Observe(sending.SendAsync(request));
        return sending;
    }

    private async Task SendAsync(SipMessageBuilder builder)
    {
        var stack = this.stack!;
        // In a dialog the route set decides (a strict router is the Request-URI); otherwise a destination of our own,
        // or the outbound proxy unless the request carries a preloaded Route (RFC 3261 §8.1.2).
        var destination = InDialog is { } dialog
            ? dialog.StrictNextHop
            : options.Destination ?? (builder.GetHeader(HeaderId.Route) is null ? stack.OutboundProxy : null);
        var prepared = await stack.Sender.PrepareAsync(builder, destination);
        if (prepared is null)
        {
            stack.Counters.Increment(SipCounter.TransportErrors);
            Fail(SipResponseSource.TransportError);
            return;
        }
        var created = stack.Transactions.CreateClient(prepared.Message, prepared.Route, this);
        lock (sync)
        {
            request = prepared.Message;
            transaction = created;
        }
        created.Start();
    }

    private bool TryRetry(SipMessage response)
    {
        var status = response.StatusCode;
        if (status is 401 or 407 && options.Credentials is { } credentials && authenticationAttempts < options.MaxAuthenticationAttempts)
        {
            return TryAuthenticate(response, credentials);
        }
        if (status == 491 && InDialog is { } dialog && method == KnownMethod.Invite && !glareRetried)
        {
            ScheduleGlareRetry(dialog);
            return true;
        }
        return false;
    }

    /// <summary>RFC 3261 §22.2: the same request with the next CSeq and an Authorization for the challenge.</summary>
    private bool TryAuthenticate(SipMessage response, DigestClient credentials)
    {
        var sent = Request!;
        var proxy = response.StatusCode == 407;
        var challenges = response.GetValues(proxy ? HeaderId.ProxyAuthenticate : HeaderId.WwwAuthenticate)
            .Select(value => Encoding.UTF8.GetString(value.Span))
            .ToList();
        DigestClientResult answer;
        // A DigestClient belongs to one account and is not thread-safe; requests of that account may share it.
        lock (credentials) answer = credentials.Respond(challenges, sent.Method.Name, sent.RequestUri.ToString(), sent.Body.Span);
        if (!answer.IsAuthorized) return false;
        authenticationAttempts++;
        EndEarlyDialogs();
        var authorization = proxy ? HeaderId.ProxyAuthorization : HeaderId.Authorization;
        var retry = CopyForResend(sent);
        retry.RemoveHeaders(authorization);
        retry.AddHeader(authorization, answer.Authorization!);
        stack!.Observe(SendAsync(retry));
        return true;
    }

    /// <summary>RFC 3261 §14.1: after 491 wait 2.1–4 s if this side owns the Call-ID, else 0–2 s, then try once more.</summary>
    private void ScheduleGlareRetry(SipDialog dialog)
    {
        glareRetried = true;
        dialog.EndOutgoingInvite();
        var tens = dialog.IsCaller ? Random.Shared.Next(210, 401) : Random.Shared.Next(0, 201);
        var timer = stack!.Time.CreateTimer(static state => ((SipClientRequest)state!).RetryAfterGlare(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (sync) glareTimer = timer;
        timer.Change(TimeSpan.FromMilliseconds(10 * tens), Timeout.InfiniteTimeSpan);
    }

    private void RetryAfterGlare()
    {
        lock (sync) glareTimer?.Dispose();
        var dialog = InDialog!;
        if (!dialog.TryBeginOutgoingInvite())
        {
            Complete(new SipResponse(SipResponseSource.Refused, 491));
            return;
        }
        stack!.Observe(SendAsync(CopyForResend(Request!)));
    }

    /// <summary>The request as sent, without its Via and with the next CSeq: the dialog's, or one more than before.</summary>
    private SipMessageBuilder CopyForResend(SipMessage sent)
    {
        var copy = SipMessageBuilder.CreateForward(sent);
        copy.RemoveHeaders(HeaderId.Via);
        var sequence = InDialog?.NextSequence() ?? sent.CSeq.Number + 1;
        copy.SetHeader(HeaderId.CSeq, sequence.ToString(CultureInfo.InvariantCulture) + " " + sent.Method.Name);
        return copy;
    }
}
