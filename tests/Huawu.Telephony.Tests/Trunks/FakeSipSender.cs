using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Trunks;

namespace Huawu.Telephony.Tests.Trunks;

/// <summary>
/// Stands in for the SIP stack: records each request (with the Via the stack would add), parses it as a peer
/// would, and lets the test end its transaction with a response, a timeout or a transport error.
/// </summary>
internal sealed class FakeSipSender(TimeProvider time) : ISipRequestSender
{
    public List<SentRequest> Sent { get; } = [];

    public SentRequest Last => Sent[^1];

    public Task<SipRequestOutcome> SendAsync(SipMessageBuilder request, CancellationToken cancellationToken)
    {
        request.PrependHeader(HeaderId.Via, $"SIP/2.0/UDP 203.0.113.1:5060;branch={SipIdentifiers.NewBranch()}");
        var sent = new SentRequest(request.Build(), time.GetUtcNow());
        Sent.Add(sent);
        return sent.Outcome.Task;
    }
}

internal sealed class SentRequest(SipMessage message, DateTimeOffset at)
{
    public SipMessage Message { get; } = message;

    public DateTimeOffset At { get; } = at;

    public TaskCompletionSource<SipRequestOutcome> Outcome { get; } = new();

    public bool IsPending => !Outcome.Task.IsCompleted;

    public string? Header(HeaderId id) => Message.TryGetHeader(id, out var header) ? header.Value : null;

    /// <summary>Ends the transaction with a final response; the engine's continuation runs before this returns.</summary>
    public SipMessage Respond(int statusCode, Action<SipMessageBuilder>? configure = null)
    {
        var builder = SipMessageBuilder.CreateResponse(Message, statusCode, null, SipIdentifiers.NewTag());
        configure?.Invoke(builder);
        var response = builder.Build();
        Complete(SipRequestOutcome.Answered(response));
        return response;
    }

    public void TimeOut() => Complete(SipRequestOutcome.TimedOut);

    public void FailTransport() => Complete(SipRequestOutcome.TransportFailed);

    /// <summary>
    /// Completes with no synchronization context on the thread, so the engine's ConfigureAwait(false) continuation
    /// runs inline, before this returns (under xunit's context the runtime would queue it to the pool instead).
    /// </summary>
    private void Complete(SipRequestOutcome outcome)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            Outcome.SetResult(outcome);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
