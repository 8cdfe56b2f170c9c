namespace Huawu.Telephony.Calls;

/// <summary>A running (or finished) stereo recording of one call. Disposing stops it.</summary>
public interface ICallRecording : IDisposable
{
    string Path { get; }

    bool IsRecording { get; }

    /// <summary>How much audio has been written.</summary>
    TimeSpan Duration { get; }

    /// <summary>Stops recording and closes the file; safe to call more than once and from any thread.</summary>
    void Stop();
}
