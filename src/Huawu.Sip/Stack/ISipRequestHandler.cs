namespace Huawu.Sip.Stack;

/// <summary>
/// The call layer's entry for requests outside any dialog: INVITE, REGISTER, MESSAGE, SUBSCRIBE, OPTIONS (when the
/// stack is told not to answer them) and others the node allows. The request has passed the checks of RFC 3261
/// §8.2; answer it through <paramref name="request"/>. Runs on a pool thread: post the work, return quickly.
/// </summary>
public interface ISipRequestHandler
{
    void OnRequest(SipServerTransaction request);
}
