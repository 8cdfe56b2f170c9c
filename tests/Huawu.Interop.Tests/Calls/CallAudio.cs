using Huawu.Testing.Peers.Audio;
using Huawu.Testing.Peers.Wire;
using MediaG711 = Huawu.Media.Codecs.G711;

namespace Huawu.Interop.Tests.Calls;

/// <summary>What a peer heard, as samples: the G.711 payload of a captured stream, or the first channel of a recording.</summary>
internal static class CallAudio
{
    /// <summary>The stream's PCMU (0) or PCMA (8) payload, decoded at 8 kHz.</summary>
    public static short[] Decode(RtpStream stream)
    {
        var isMuLaw = stream.Count(0) >= stream.Count(8);
        var payload = stream.Payload(isMuLaw ? (byte)0 : (byte)8);
        var samples = new short[payload.Length];
        if (isMuLaw) MediaG711.DecodeMuLaw(payload, samples);
        else MediaG711.DecodeALaw(payload, samples);
        return samples;
    }

    /// <summary>The first channel of a recording (baresip's sndfile may write stereo).</summary>
    public static short[] FirstChannel(PcmAudio audio) =>
        [.. audio.Samples.Where((_, i) => i % audio.Channels == 0)];

    /// <summary>The last <paramref name="duration"/> of a recording's first channel.</summary>
    public static short[] Tail(PcmAudio audio, TimeSpan duration)
    {
        var samples = FirstChannel(audio);
        var count = Math.Min(samples.Length, (int)(duration.TotalSeconds * audio.SampleRate));
        return samples[^count..];
    }
}
