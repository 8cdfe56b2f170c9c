using System.Net;
using Huawu.Media.Codecs;
using Huawu.Media.Streams;
using Huawu.Media.Transport;
using Huawu.Telephony.Sdp;
using MediaDirection = Huawu.Media.Streams.MediaDirection;
using SdpDirection = Huawu.Telephony.Sdp.MediaDirection;

namespace Huawu.Telephony.Legs;

/// <summary>
/// The media side of one leg: its RTP stream, the SDP offer/answer state that describes it (one per dialog), and the
/// audio it sends. Used from the leg's mailbox only, apart from the stream's own thread-safe members.
/// </summary>
internal sealed class LegMedia : IDisposable
{
    private LegMedia(MediaStream stream, IPAddress sdpAddress)
    {
        Stream = stream;
        Sdp = new AudioOfferAnswer(new AudioEndpointOptions { Address = sdpAddress, RtpPort = stream.LocalEndPoint.Port });
        stream.Source = Outgoing;
    }

    public MediaStream Stream { get; }

    public AudioOfferAnswer Sdp { get; }

    public OutgoingAudio Outgoing { get; } = new();

    /// <summary>Whether an agreed stream has been applied: RTP flows (as far as its direction allows).</summary>
    public bool IsFlowing { get; private set; }

    /// <summary>The codec of the agreed stream, e.g. "PCMU".</summary>
    public string Codec => Sdp.Current?.Codec.Name ?? "";

    /// <summary>Whether RFC 4733 telephone-event was agreed, so DTMF can go out of band.</summary>
    public bool HasTelephoneEvents => Sdp.Current?.TelephoneEventPayloadType is not null;

    /// <summary>Opens a stream on a free port pair; the status says why not when none could be bound.</summary>
    public static RtpSocketStatus TryOpen(MediaEngine engine, IPAddress sdpAddress, out LegMedia? media)
    {
        media = null;
        var status = engine.TryCreateStream(out var stream);
        if (status == RtpSocketStatus.Ok) media = new LegMedia(stream!, sdpAddress);
        return status;
    }

    /// <summary>Applies the agreed stream (after an answer, ours or theirs): codec, payload types, address, direction.</summary>
    public void Apply(NegotiatedAudio audio)
    {
        // The offer/answer engine only agrees on codecs the media engine implements (G.711 today).
        if (!AudioCodecs.TryFind(audio.Codec.Name, audio.Codec.ClockRate, 1, out var codec))
        {
            throw new InvalidOperationException($"SDP agreed on {audio.Codec.Name}/{audio.Codec.ClockRate}, which the media engine lacks.");
        }
        Stream.Configure(new MediaStreamParameters(
            codec,
            (byte)audio.Codec.PayloadType,
            (byte?)audio.TelephoneEventPayloadType,
            audio.RemoteRtp,
            audio.RemoteRtcp,
            ToStreamDirection(audio.Direction)));
        IsFlowing = true;
    }

    public void Dispose() => Stream.Dispose();

    private static MediaDirection ToStreamDirection(SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => MediaDirection.SendOnly,
        SdpDirection.RecvOnly => MediaDirection.ReceiveOnly,
        SdpDirection.Inactive => MediaDirection.Inactive,
        _ => MediaDirection.SendReceive,
    };
}
