using Huawu.Testing.Peers.Wire;
using MediaG711 = Huawu.Media.Codecs.G711;

namespace Huawu.Interop.Tests.Speech;

/// <summary>
/// Speech as seen in a capture of PCMU RTP: when each side was talking. A packet's time is when it crossed the wire (it
/// carries the 20 ms of audio before that); a talkspurt is a run of packets without a pause longer than 100 ms; a packet
/// is speech when its decoded level is above −45 dBFS (the prompts' and espeak-ng's pauses are far below, their words
/// far above).
/// </summary>
internal static class WireSpeech
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);
    private const double SpeechRms = 32768 * 0.0056; // −45 dBFS

    /// <summary>The stream's talkspurts, as the times of their first and last packets.</summary>
    public static IReadOnlyList<(DateTimeOffset First, DateTimeOffset Last)> Talkspurts(RtpStream stream)
    {
        var spurts = new List<(DateTimeOffset First, DateTimeOffset Last)>();
        foreach (var packet in stream.Packets.Where(p => p.PayloadType == 0).OrderBy(p => p.Datagram.Timestamp))
        {
            var at = packet.Datagram.Timestamp;
            if (spurts.Count > 0 && at - spurts[^1].Last <= Pause) spurts[^1] = (spurts[^1].First, at);
            else spurts.Add((at, at));
        }
        return spurts;
    }

    /// <summary>The times of the stream's packets that carry speech.</summary>
    public static IReadOnlyList<DateTimeOffset> SpeechPackets(RtpStream stream)
    {
        var samples = new short[160];
        var speech = new List<DateTimeOffset>();
        foreach (var packet in stream.Packets.Where(p => p.PayloadType == 0).OrderBy(p => p.Datagram.Timestamp))
        {
            var payload = packet.Payload.Span;
            var decoded = samples.AsSpan(0, Math.Min(samples.Length, payload.Length));
            MediaG711.DecodeMuLaw(payload[..decoded.Length], decoded);
            var rms = Math.Sqrt(decoded.ToArray().Average(s => (double)s * s));
            if (rms > SpeechRms) speech.Add(packet.Datagram.Timestamp);
        }
        return speech;
    }
}
