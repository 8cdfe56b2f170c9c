namespace Huawu.Telephony.Sdp;

public enum NegotiationFailure
{
    None,

    /// <summary>No usable audio stream or no codec in common: answer 488 Not Acceptable Here (RFC 3261 §13.3.1.3, RFC 3264 §6).</summary>
    NoCommonMedia,

    /// <summary>An offer arrived while ours is unanswered: glare, answer 491 Request Pending (RFC 3261 §14.2).</summary>
    OfferPending,

    /// <summary>An answer arrived but we have no offer outstanding (RFC 3264 §4).</summary>
    NoOfferPending,

    /// <summary>The answer does not answer our offer's m= lines one for one (RFC 3264 §6).</summary>
    NotAnAnswer,
}

/// <summary>
/// The outcome of an offer/answer step. On success <see cref="Media"/> is the agreed stream and, for
/// <see cref="AudioOfferAnswer.CreateAnswer"/>, <see cref="Answer"/> is the SDP to send. On failure the
/// previous session stays in force (RFC 3264 §8: a rejected re-offer changes nothing).
/// </summary>
public sealed class NegotiationResult
{
    private NegotiationResult(NegotiationFailure failure, string reason, NegotiatedAudio? media, SessionDescription? answer)
    {
        Failure = failure;
        Reason = reason;
        Media = media;
        Answer = answer;
    }

    public NegotiationFailure Failure { get; }

    public bool IsSuccess => Failure == NegotiationFailure.None;

    /// <summary>A sentence for logs and reason phrases.</summary>
    public string Reason { get; }

    public NegotiatedAudio? Media { get; }

    public SessionDescription? Answer { get; }

    internal static NegotiationResult Success(NegotiatedAudio media, SessionDescription? answer) =>
        new(NegotiationFailure.None, "ok", media, answer);

    internal static NegotiationResult Fail(NegotiationFailure failure, string reason) => new(failure, reason, null, null);
}
