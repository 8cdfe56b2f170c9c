namespace Huawu.Telephony.Sdp;

/// <summary>Our side as answerer: initial offers and the peer's re-offers (hold, resume, refresh, new address).</summary>
public sealed partial class AudioOfferAnswer
{
    /// <summary>
    /// Answers the peer's offer. Every m= line is answered in order (RFC 3264 §6): the first usable audio
    /// stream is accepted, every other line is rejected with port 0. When no audio stream is usable the
    /// result is <see cref="NegotiationFailure.NoCommonMedia"/> — 488 — and nothing changes.
    /// </summary>
    public NegotiationResult CreateAnswer(SessionDescription offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (_pending is not null) return NegotiationResult.Fail(NegotiationFailure.OfferPending, "our own offer is still unanswered");
        // While we hold the peer we keep not receiving, whatever it offers (RFC 6337 §5.3).
        var wanted = IsHolding ? MediaDirection.SendOnly : MediaDirection.SendRecv;
        NegotiatedAudio? accepted = null;
        var acceptedIndex = -1;
        string? firstProblem = null;
        for (var i = 0; i < offer.Media.Count && accepted is null; i++)
        {
            if (TryAccept(offer, offer.Media[i], wanted, out accepted, out var problem)) acceptedIndex = i;
            else if (offer.Media[i].IsAudio) firstProblem ??= problem;
        }
        if (accepted is null)
        {
            return NegotiationResult.Fail(NegotiationFailure.NoCommonMedia, firstProblem ?? "the offer has no audio stream");
        }
        var media = new MediaDescription[offer.Media.Count];
        var slots = new MediaSlot[offer.Media.Count];
        for (var i = 0; i < media.Length; i++)
        {
            var isOurs = i == acceptedIndex;
            media[i] = isOurs ? AudioLine([accepted.Codec], accepted.TelephoneEventPayloadType, accepted.Direction) : RejectedLine(offer.Media[i]);
            slots[i] = isOurs ? MediaSlot.OurAudio : new MediaSlot(offer.Media[i]);
        }
        var answer = Publish(media);
        _slots = slots;
        Current = accepted;
        RemoteDescription = offer;
        return NegotiationResult.Success(accepted, answer);
    }

    private bool TryAccept(SessionDescription offer, MediaDescription line, MediaDirection wanted, out NegotiatedAudio? media, out string problem)
    {
        media = null;
        if (!line.IsAudio)
        {
            problem = $"m={line.Media} is not audio";
            return false;
        }
        if (line.IsDisabled)
        {
            problem = "the audio stream is disabled (port 0)";
            return false;
        }
        // Plain RTP only for now: SRTP profiles need keys (RFC 4568) that this endpoint does not negotiate.
        if (!string.Equals(line.Protocol, "RTP/AVP", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"transport {line.Protocol} is not supported";
            return false;
        }
        var formats = RtpFormat.ResolveAll(line);
        // RFC 3264 §6.1: the offerer's order, so the first offered format we support wins.
        if (!TryPickCodec(formats, out var codec))
        {
            problem = $"no codec in common: offered {string.Join(' ', line.Formats)}, supported {string.Join(' ', _options.Codecs.Select(c => c.Name))}";
            return false;
        }
        var direction = EffectiveDirection(offer, line).Reverse().Intersect(wanted);
        return TryDescribe(offer, line, codec, TelephoneEventIn(formats, codec), direction, out media, out problem);
    }
}
