namespace Huawu.Media.Audio;

/// <summary>A recording into a stereo 16-bit WAV file (tests and tools; recordings of calls go to the encrypted store).</summary>
public sealed class WavRecordingSink : IRecordingSink, IDisposable
{
    private readonly WavWriter _writer;

    /// <summary>Records into <paramref name="stream"/> (writable and seekable: the header is patched at the end).</summary>
    public WavRecordingSink(Stream stream, int sampleRate, bool leaveOpen = false)
        : this(new WavWriter(stream, sampleRate, 2, leaveOpen))
    {
    }

    private WavRecordingSink(WavWriter writer) => _writer = writer;

    public int SampleRate => _writer.SampleRate;

    /// <summary>Creates the file at <paramref name="path"/>, replacing any.</summary>
    public static WavRecordingSink Create(string path, int sampleRate) => new(WavWriter.Create(path, sampleRate, 2));

    public void Write(ReadOnlySpan<short> interleaved) => _writer.Write(interleaved);

    /// <summary>Patches the WAV header with the final sizes and closes the file.</summary>
    public void Complete() => _writer.Dispose();

    public void Dispose() => _writer.Dispose();
}
