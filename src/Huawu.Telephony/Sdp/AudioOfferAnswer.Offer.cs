namespace Huawu.Telephony.Sdp;

/// <summary>Our side as offerer: initial offers, re-offers, hold and resume, and the answers to them.</summary>
public sealed partial class AudioOfferAnswer
{
    /// <summary>
    /// Writes an offer: the initial one, a refresh, or with <paramref name="hold"/> a hold (RFC 3264 §8.4:
    /// a sendrecv stream goes sendonly, a recvonly one goes inactive). A re-offer keeps every earlier
    /// m= line in place, rejected ones at port 0 (RFC 3264 §8). Only one offer may be outstanding (RFC 3264 §4);
    /// calling this again before the answer is a bug in the caller.
    /// </summary>
    public SessionDescription CreateOffer(bool hold = false)
    {
        if (_pending is not null) throw new InvalidOperationException("An offer is already outstanding (RFC 3264 §4).");
        // Holding stops our receiving, whatever the peer does; resuming asks for both directions and lets
        // the peer keep its own hold by answering sendonly (RFC 6337 §5.3: offer what we want).
        var direction = hold ? (Current?.Direction ?? MediaDirection.SendRecv).Intersect(MediaDirection.SendOnly) : MediaDirection.SendRecv;
        var media = new MediaDescription[_slots.Count];
        var audioIndex = -1;
        for (var i = 0; i < media.Length; i++)
        {
            if (_slots[i].Rejected is { } rejected)
            {
                media[i] = RejectedLine(rejected);
                continue;
            }
            media[i] = AudioLine(_options.Codecs, _options.TelephoneEventPayloadType, direction);
            audioIndex = i;
        }
        var offer = Publish(media);
        _pending = new PendingOffer(offer, _slots, audioIndex, direction, hold);
        return offer;
    }

    /// <summary>
    /// Applies the peer's answer to our outstanding offer. It must answer each m= line in order
    /// (RFC 3264 §6); the codec is the first of ours the answer lists (RFC 3264 §7).
    /// </summary>
    public NegotiationResult ApplyAnswer(SessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (_pending is not { } pending) return NegotiationResult.Fail(NegotiationFailure.NoOfferPending, "no offer is outstanding");
        _pending = null;
        var offered = pending.Offer.Media;
        if (answer.Media.Count != offered.Count)
        {
            return NegotiationResult.Fail(NegotiationFailure.NotAnAnswer, $"the offer had {offered.Count} m= lines, the answer {answer.Media.Count}");
        }
        for (var i = 0; i < offered.Count; i++)
        {
            if (!string.Equals(answer.Media[i].Media, offered[i].Media, StringComparison.OrdinalIgnoreCase))
            {
                return NegotiationResult.Fail(NegotiationFailure.NotAnAnswer, $"m= line {i + 1} answers {answer.Media[i].Media} to an offer of {offered[i].Media}");
            }
        }
        var line = answer.Media[pending.AudioIndex];
        if (line.IsDisabled) return NegotiationResult.Fail(NegotiationFailure.NoCommonMedia, "the answer rejected the audio stream");
        var formats = RtpFormat.ResolveAll(line);
        if (!TryPickCodec(formats, out var codec))
        {
            return NegotiationResult.Fail(NegotiationFailure.NoCommonMedia, $"the answer lists none of our codecs ({string.Join(' ', line.Formats)})");
        }
        var direction = EffectiveDirection(answer, line).Reverse().Intersect(pending.Direction);
        if (!TryDescribe(answer, line, codec, TelephoneEventIn(formats, codec), direction, out var media, out var problem))
        {
            return NegotiationResult.Fail(NegotiationFailure.NoCommonMedia, problem);
        }
        _slots = pending.Slots;
        IsHolding = pending.Hold;
        Current = media;
        RemoteDescription = answer;
        return NegotiationResult.Success(media, null);
    }

    /// <summary>
    /// Forgets the outstanding offer after it was rejected (e.g. 488 or 491 to a re-INVITE) or timed out:
    /// RFC 3264 §8 keeps the previous session as it was.
    /// </summary>
    public void AbandonOffer() => _pending = null;
}
