using Huawu.Media.Audio;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Calls;

/// <summary>
/// One call leg as the layers above telephony see it. Members may be called from any thread: each runs in the
/// call's own serialized mailbox. Once <see cref="State"/> is <see cref="CallState.Ended"/> the methods do nothing
/// and report failure (false, an ended result), they never throw for it.
/// </summary>
public interface ICall
{
    CallId Id { get; }

    CallDirection Direction { get; }

    CallState State { get; }

    /// <summary>The caller: the user part (a number or extension) of the caller's address.</summary>
    string From { get; }

    /// <summary>The called party: the number or extension dialled.</summary>
    string To { get; }

    /// <summary>The trunk the call came in on or goes out through; null for phones and direct SIP URIs.</summary>
    string? Trunk { get; }

    DateTimeOffset CreatedAt { get; }

    DateTimeOffset? AnsweredAt { get; }

    /// <summary>Completes when the call has ended, with the event that says how.</summary>
    Task<CallHungUp> Ended { get; }

    /// <summary>Inbound: tells the caller we are alerting (180 Ringing). Nothing otherwise.</summary>
    Task RingAsync();

    /// <summary>
    /// Inbound: answers (200 with the SDP answer, or with an offer when the INVITE had none and the answer comes in
    /// the ACK). True once media is agreed; false when the caller left first or no media could be agreed.
    /// </summary>
    Task<bool> AnswerAsync();

    /// <summary>
    /// Ends the call: BYE once answered, a final response (by <see cref="HangupCauses.ToSipStatus"/>) to an unanswered
    /// inbound call, CANCEL to an unanswered outbound one. Completes once the hang-up is under way; await
    /// <see cref="Ended"/> for its end (a CANCEL waits for the far end's 487).
    /// </summary>
    Task HangupAsync(HangupCause cause = HangupCause.NormalClearing);

    /// <summary>The far end's audio, tick by tick: transmit it back for an echo, or into another call to bridge.</summary>
    IAudioSource ReceivedAudio { get; }

    /// <summary>
    /// Sends <paramref name="source"/> to the far end continuously, until the returned token is disposed (silence
    /// when the source has nothing). Playback (<see cref="PlayAsync"/>) plays over it and returns to it. On a bridged or
    /// conferenced call it takes the place of what the bridge or conference sends; to be heard over those, play.
    /// </summary>
    IDisposable Transmit(IAudioSource source);

    /// <summary>
    /// Plays a finite source (a prompt, TTS, a limited tone) to the far end. Ends when the source first has nothing
    /// to send, when <paramref name="cancellationToken"/> is cancelled (barge-in), when another play replaces it, or
    /// at hang-up; the result says which. Audio flows once media is agreed.
    /// </summary>
    Task<PlaybackResult> PlayAsync(IAudioSource source, CancellationToken cancellationToken = default);

    /// <summary>Gives every 20 ms frame received from the far end to <paramref name="sink"/> (VAD, ASR, recording).</summary>
    IDisposable TapReceivedAudio(IAudioSink sink);

    /// <summary>
    /// Collects DTMF keys (RFC 4733 events and SIP INFO alike), starting with those typed ahead since the last
    /// collection, until the maximum, a terminator, a timeout, cancellation or hang-up.
    /// </summary>
    Task<DtmfCollection> CollectDtmfAsync(DtmfCollectOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends DTMF keys as RFC 4733 events when telephone-event was agreed, else as in-band tones (ITU-T Q.23).
    /// False when a key is not DTMF or the call has no media.
    /// </summary>
    Task<bool> SendDtmfAsync(string digits);

    /// <summary>
    /// Records the call in stereo into <paramref name="sink"/>, 20 ms at a time on the media thread: left what was received
    /// (this party), right what was sent (for a bridged call, the party it is bridged to). Stops by itself at hang-up, before
    /// <see cref="CallHungUp"/> is published, and completes the sink when it stops. Null, leaving the sink untouched, when the
    /// call has no media yet (not answered), has ended, or its audio is at another rate than the sink's.
    /// </summary>
    Task<ICallRecording?> StartRecordingAsync(IRecordingSink sink);

    /// <summary>Puts the far end on hold (re-INVITE offering sendonly, RFC 3264 §8.4). True when it accepted.</summary>
    Task<bool> HoldAsync();

    /// <summary>Takes the far end off hold (re-INVITE offering sendrecv). True when it accepted.</summary>
    Task<bool> ResumeAsync();

    /// <summary>The call this one is bridged to, if any.</summary>
    ICall? BridgedTo { get; }

    /// <summary>
    /// Bridges this call with <paramref name="other"/> (a B2BUA bridge): each party hears the other, DTMF is relayed,
    /// a hold re-INVITEs only the held call while the other hears music on hold, and (by default) either hanging up
    /// ends the other. Both calls get <see cref="CallBridged"/>. False unless both are answered and in no other bridge
    /// or conference (true when they are already bridged to each other).
    /// </summary>
    Task<bool> BridgeAsync(ICall other, BridgeOptions? options = null);

    /// <summary>
    /// Blind transfer by REFER (RFC 3515): asks the far end to call <paramref name="target"/> (a SIP URI, or a number or
    /// name at this node) and follows its NOTIFYs. On success (the target answered) the call is hung up
    /// (<see cref="HangupCause.Transferred"/>); on failure it stays as it was. Either way <see cref="CallTransferred"/>
    /// tells. Completes with the outcome, or when <paramref name="cancellationToken"/> stops the wait.
    /// </summary>
    Task<TransferResult> BlindTransferAsync(string target, CancellationToken cancellationToken = default);

    /// <summary>Takes this call's bridge apart; both calls stay up and get <see cref="CallUnbridged"/>. False when not bridged.</summary>
    Task<bool> UnbridgeAsync();
}
