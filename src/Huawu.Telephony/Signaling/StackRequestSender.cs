using Huawu.Sip.Building;
using Huawu.Sip.Stack;
using Huawu.Telephony.Trunks;

namespace Huawu.Telephony.Signaling;

/// <summary>The trunk engines' seam onto the SIP stack: out-of-dialog requests as client transactions.</summary>
internal sealed class StackRequestSender : ISipRequestSender
{
    private readonly SipStack _stack;

    public StackRequestSender(SipStack stack) => _stack = stack;

    public async Task<SipRequestOutcome> SendAsync(SipMessageBuilder request, CancellationToken cancellationToken)
    {
        var response = await _stack.Send(request).FinalResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
        return response.Source switch
        {
            SipResponseSource.Received => SipRequestOutcome.Answered(response.Message!),
            SipResponseSource.Timeout => SipRequestOutcome.TimedOut,
            _ => SipRequestOutcome.TransportFailed,
        };
    }
}
