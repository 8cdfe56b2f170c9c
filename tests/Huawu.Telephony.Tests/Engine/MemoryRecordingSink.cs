using Huawu.Media.Audio;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>Keeps what a call recording writes, split into its channels, and how often (and when) it was completed.</summary>
internal sealed class MemoryRecordingSink(int sampleRate = 8000) : IRecordingSink
{
    private readonly List<short> _interleaved = [];
    private int _writes;
    private int _completions;
    private bool _wroteAfterCompletion;

    public int SampleRate => sampleRate;

    public short[] Left => Channel(0);

    public short[] Right => Channel(1);

    public int Writes
    {
        get { lock (_interleaved) return _writes; }
    }

    public int Completions
    {
        get { lock (_interleaved) return _completions; }
    }

    /// <summary>Whether audio came after <see cref="Complete"/> (the recording must stop writing first).</summary>
    public bool WroteAfterCompletion
    {
        get { lock (_interleaved) return _wroteAfterCompletion; }
    }

    public void Write(ReadOnlySpan<short> interleaved)
    {
        Assert.True(interleaved.Length % 2 == 0, "stereo: a left and a right sample per frame");
        lock (_interleaved)
        {
            _writes++;
            _wroteAfterCompletion |= _completions > 0;
            _interleaved.AddRange(interleaved);
        }
    }

    public void Complete()
    {
        lock (_interleaved) _completions++;
    }

    private short[] Channel(int channel)
    {
        lock (_interleaved) return [.. _interleaved.Where((_, i) => i % 2 == channel)];
    }
}
