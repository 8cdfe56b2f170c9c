namespace Huawu.Telephony.Calls;

/// <summary>A running (or finished) stereo recording of one call into an <see cref="Media.Audio.IRecordingSink"/>. Disposing stops it.</summary>
public interface ICallRecording : IDisposable
{
    bool IsRecording { get; }

    /// <summary>How much audio has been written.</summary>
    TimeSpan Duration { get; }

    /// <summary>Stops recording and completes the sink; safe to call more than once and from any thread.</summary>
    void Stop();
}
