namespace Huawu.Media.Audio;

/// <summary>How samples are stored in a WAV file's data chunk.</summary>
public enum WavEncoding
{
    /// <summary>WAVE_FORMAT_PCM, 16-bit little-endian.</summary>
    Pcm16 = 1,

    /// <summary>WAVE_FORMAT_ALAW: G.711 A-law, one byte per sample.</summary>
    ALaw = 6,

    /// <summary>WAVE_FORMAT_MULAW: G.711 µ-law, one byte per sample.</summary>
    MuLaw = 7,
}

/// <summary>The format of a WAV file this engine reads or writes.</summary>
public readonly record struct WavFormat(WavEncoding Encoding, int SampleRate, int Channels)
{
    public int BytesPerSample => Encoding == WavEncoding.Pcm16 ? 2 : 1;
}

/// <summary>Why a WAV file could not be opened.</summary>
public enum WavStatus
{
    Ok = 0,

    /// <summary>Not a RIFF/WAVE file.</summary>
    NotWave,

    /// <summary>No <c>fmt </c> chunk before the data, or a malformed one.</summary>
    MissingFormat,

    /// <summary>No <c>data</c> chunk.</summary>
    MissingData,

    /// <summary>Not 16-bit PCM, A-law or µ-law.</summary>
    UnsupportedEncoding,

    /// <summary>Neither mono nor stereo.</summary>
    UnsupportedChannels,

    /// <summary>Neither 8 nor 16 kHz.</summary>
    UnsupportedSampleRate,
}
