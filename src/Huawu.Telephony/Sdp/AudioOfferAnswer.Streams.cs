using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Huawu.Telephony.Sdp;

/// <summary>Reading the peer's audio line and writing ours, shared by both roles.</summary>
public sealed partial class AudioOfferAnswer
{
    /// <summary>The first remote format that is one of our codecs, under the remote's payload type number.</summary>
    private bool TryPickCodec(List<RtpFormat> formats, [NotNullWhen(true)] out AudioCodec? codec)
    {
        foreach (var format in formats)
        {
            if (_options.Codecs.FirstOrDefault(c => c.Matches(format)) is { } ours)
            {
                // RFC 3264 §6.1: keep the offerer's number for the codec, which matters for dynamic types.
                codec = ours with { PayloadType = format.PayloadType };
                return true;
            }
        }
        codec = null;
        return false;
    }

    /// <summary>RFC 4733 §7.1.1: telephone-event at the codec's clock rate, under the peer's dynamic payload type.</summary>
    private int? TelephoneEventIn(List<RtpFormat> formats, AudioCodec codec)
    {
        if (_options.TelephoneEventPayloadType is null) return null;
        foreach (var format in formats)
        {
            if (format.IsTelephoneEvent(codec.ClockRate)) return format.PayloadType;
        }
        return null;
    }

    /// <summary>
    /// The direction a description's author wants for a stream. RFC 3264 §8.4: c=0.0.0.0 (RFC 2543 hold)
    /// means nothing is to be sent to the author, whatever the direction attribute says.
    /// </summary>
    private static MediaDirection EffectiveDirection(SessionDescription description, MediaDescription line)
    {
        var direction = description.DirectionOf(line);
        return description.ConnectionOf(line) is { IsUnspecified: true } ? direction.Intersect(MediaDirection.SendOnly) : direction;
    }

    private bool TryDescribe(
        SessionDescription remote, MediaDescription line, AudioCodec codec, int? telephoneEvent, MediaDirection direction,
        [NotNullWhen(true)] out NegotiatedAudio? media, out string problem)
    {
        media = null;
        if (remote.ConnectionOf(line) is not { } connection || !connection.TryGetIPAddress(out var address))
        {
            problem = "the audio stream has no c= line with an IP address";
            return false;
        }
        // RFC 3605 §2.1: a=rtcp names the RTCP port (and maybe address); otherwise RTP port + 1 (RFC 3550 §11).
        var rtcp = line.Rtcp;
        var rtcpPort = rtcp?.Port ?? line.Port + 1;
        IPAddress? rtcpAddress = address;
        if (rtcpPort > IPEndPoint.MaxPort || (rtcp?.Connection is { } rtcpConnection && !rtcpConnection.TryGetIPAddress(out rtcpAddress)))
        {
            problem = "the audio stream has no usable RTCP address";
            return false;
        }
        // a=ptime is what the peer wants to receive (RFC 4566 §6), never above its a=maxptime.
        var packetTime = line.PacketTime ?? _options.PacketTime;
        if (line.MaxPacketTime is { } maximum && packetTime > maximum) packetTime = maximum;
        media = new NegotiatedAudio(
            new IPEndPoint(address, line.Port), new IPEndPoint(rtcpAddress, rtcpPort),
            codec, telephoneEvent, packetTime, direction, _options.RtpPort);
        problem = "";
        return true;
    }

    private MediaDescription AudioLine(IReadOnlyList<AudioCodec> codecs, int? telephoneEvent, MediaDirection direction)
    {
        var formats = new List<string>();
        var attributes = new List<SdpAttribute>();
        foreach (var codec in codecs)
        {
            formats.Add(codec.PayloadType.ToString(CultureInfo.InvariantCulture));
            // Static types need no rtpmap (RFC 3264 §5.1), but writing it costs nothing and helps odd peers.
            attributes.Add(new SdpRtpMap(codec.PayloadType, codec.Name, codec.ClockRate).ToAttribute());
        }
        if (telephoneEvent is { } eventType)
        {
            var clockRate = codecs[0].ClockRate;
            formats.Add(eventType.ToString(CultureInfo.InvariantCulture));
            attributes.Add(new SdpRtpMap(eventType, AudioCodec.TelephoneEventName, clockRate).ToAttribute());
            attributes.Add(new SdpFmtp(formats[^1], _options.TelephoneEvents).ToAttribute());
        }
        attributes.Add(new SdpAttribute("ptime", _options.PacketTime.ToString(CultureInfo.InvariantCulture)));
        attributes.Add(new SdpAttribute(direction.ToAttributeName()));
        return new MediaDescription
        {
            Media = "audio",
            Port = _options.RtpPort,
            Protocol = "RTP/AVP",
            Formats = formats,
            Attributes = attributes,
        };
    }

    /// <summary>RFC 3264 §6: a rejected stream is answered with port 0 and the offered formats, nothing else.</summary>
    private static MediaDescription RejectedLine(MediaDescription line) => new()
    {
        Media = line.Media,
        Port = 0,
        Protocol = line.Protocol,
        Formats = line.Formats,
    };
}
