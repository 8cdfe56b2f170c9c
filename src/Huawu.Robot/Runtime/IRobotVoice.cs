using System.Threading.Channels;
using Huawu.Robot.Dialogue;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Runtime;

/// <summary>
/// A call's voice as the robot drives it: what it says, how it listens, and what it hears back. On a real call this is
/// the call's <see cref="VoicePipeline"/> (<see cref="PipelineVoice"/>); tests stand in for it to isolate the runtime.
/// </summary>
public interface IRobotVoice
{
    /// <summary>The pipeline's events, read by the robot's mailbox alone.</summary>
    ChannelReader<PipelineEvent> Events { get; }

    /// <summary>Queues a line (its recording if the script has one, else synthesis); returns the playback's id.</summary>
    long Say(SayAction line);

    /// <summary>Opens a turn; returns its id (turn events carry it).</summary>
    long Listen(ListenOptions options);

    void StopSpeaking();

    void StopListening();
}
