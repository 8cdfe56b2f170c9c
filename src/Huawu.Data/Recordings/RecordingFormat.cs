namespace Huawu.Data.Recordings;

public enum AudioCodec : ushort
{
    /// <summary>16-bit signed little-endian linear PCM.</summary>
    Pcm16 = 1,
    /// <summary>G.711 μ-law.</summary>
    Pcmu = 2,
    /// <summary>G.711 A-law.</summary>
    Pcma = 3,
}

/// <summary>What the audio in a recording is, written into the file's authenticated header.</summary>
public readonly record struct RecordingFormat(AudioCodec Codec, int SampleRate, int Channels)
{
    public static RecordingFormat Pcm16Mono8k => new(AudioCodec.Pcm16, 8000, 1);
}
