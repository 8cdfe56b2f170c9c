namespace Huawu.Media.Audio;

/// <summary>
/// Where a call recording goes: interleaved stereo PCM16 (left, right, left, right…), one 20 ms block per media tick,
/// from a <see cref="StereoRecorder"/>. <see cref="Write"/> runs on a media thread and must not block (copy the audio
/// or hand it off); <see cref="Complete"/> is called once, after the last write, by whoever stops the recording.
/// A WAV file (<see cref="WavRecordingSink"/>) or the encrypted recording store.
/// </summary>
public interface IRecordingSink
{
    /// <summary>The rate of the audio the sink takes; a stream at another rate is not recorded into it.</summary>
    int SampleRate { get; }

    /// <summary>Appends whole stereo sample frames (a left and a right sample each).</summary>
    void Write(ReadOnlySpan<short> interleaved);

    /// <summary>No more audio comes: finish (close the file, seal the recording).</summary>
    void Complete();
}
