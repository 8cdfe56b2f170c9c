using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// The SDP offer/answer state of one call's audio (RFC 3264), seen from our endpoint: it writes our offers
/// and answers, reads the peer's, and keeps the agreed stream in <see cref="Current"/>. One per dialog,
/// used from the call's own serialized work, so it holds no locks.
/// </summary>
/// <remarks>
/// Codec choice when answering follows the offerer's order, as RFC 3264 §6.1 recommends, and the answer
/// names exactly one codec (plus telephone-event), so the peer never switches codecs mid-stream. When we
/// offered, the first of our codecs listed in the answer is used (RFC 3264 §7).
/// </remarks>
public sealed partial class AudioOfferAnswer
{
    private readonly AudioEndpointOptions _options;
    private readonly ulong _sessionId;
    private ulong _sessionVersion = 1;
    private string? _lastContent;
    private IReadOnlyList<MediaSlot> _slots = [MediaSlot.OurAudio];
    private PendingOffer? _pending;

    public AudioOfferAnswer(AudioEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Codecs.Count == 0) throw new ArgumentException("At least one codec is needed.", nameof(options));
        _options = options;
        _sessionId = options.SessionId ?? NewSessionId();
    }

    /// <summary>The agreed stream after the last successful exchange; null before the first.</summary>
    public NegotiatedAudio? Current { get; private set; }

    /// <summary>The last SDP we produced, offer or answer.</summary>
    public SessionDescription? LocalDescription { get; private set; }

    /// <summary>The peer's SDP from the last successful exchange.</summary>
    public SessionDescription? RemoteDescription { get; private set; }

    /// <summary>Whether we hold the peer: set by an accepted hold offer, cleared by an accepted resume.</summary>
    public bool IsHolding { get; private set; }

    /// <summary>True between <see cref="CreateOffer"/> and <see cref="ApplyAnswer"/> or <see cref="AbandonOffer"/>.</summary>
    public bool HasPendingOffer => _pending is not null;

    /// <summary>
    /// Stamps a description with our origin. RFC 3264 §8: the session id never changes and the version goes
    /// up by exactly one when, and only when, the content differs from the last description we sent.
    /// </summary>
    private SessionDescription Publish(IReadOnlyList<MediaDescription> media)
    {
        var description = Compose(media, _sessionVersion);
        var content = SdpWriter.Write(description, includeOrigin: false);
        if (_lastContent is not null && !string.Equals(content, _lastContent, StringComparison.Ordinal))
        {
            description = Compose(media, ++_sessionVersion);
        }
        _lastContent = content;
        LocalDescription = description;
        return description;
    }

    private SessionDescription Compose(IReadOnlyList<MediaDescription> media, ulong version)
    {
        var address = SdpConnection.For(_options.Address);
        return new SessionDescription
        {
            Origin = new SdpOrigin(_options.Username, _sessionId, version, address),
            Connection = address,
            Timings = [SdpTiming.Unbounded],
            Media = media,
        };
    }

    /// <summary>62 random bits: globally unique in practice, and positive for peers that read it as a signed 64-bit number.</summary>
    private static ulong NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes) >> 2;
    }

    /// <summary>One m= line of the session: our audio stream, or a stream that was rejected and stays as port 0.</summary>
    private sealed record MediaSlot(MediaDescription? Rejected)
    {
        public static MediaSlot OurAudio { get; } = new((MediaDescription?)null);

        public bool IsOurAudio => Rejected is null;
    }

    private sealed record PendingOffer(SessionDescription Offer, IReadOnlyList<MediaSlot> Slots, int AudioIndex, MediaDirection Direction, bool Hold);
}
