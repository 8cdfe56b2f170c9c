using Huawu.Data.Recordings;

namespace Huawu.Server.Calls;

/// <summary>Which calls are recorded (the <c>recording:</c> section of the configuration).</summary>
public sealed class RecordingOptions
{
    /// <summary>
    /// What recordings are: 8 kHz 16-bit stereo, the customer's leg on the left and what they heard (the agent, the robot)
    /// on the right, encrypted on disk by the store.
    /// </summary>
    public static RecordingFormat Format { get; } = new(AudioCodec.Pcm16, 8000, 2);

    /// <summary><c>none</c> (default) or <c>all</c>: every answered call, from answer to hang-up.</summary>
    public RecordingMode Mode { get; set; } = RecordingMode.None;

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Mode)) yield return $"recording.mode: '{Mode}' is not one of none, all";
    }
}

public enum RecordingMode
{
    /// <summary>No call is recorded.</summary>
    None,

    /// <summary>Every answered call is recorded from answer to hang-up.</summary>
    All,
}
