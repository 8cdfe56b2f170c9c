using Huawu.Robot.ChatModel;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Runtime;

/// <summary>What arrives in a robot call's mailbox: everything that happens to the call, one at a time.</summary>
internal abstract record RobotInput
{
    public sealed record Voice(PipelineEvent Event) : RobotInput;

    public sealed record LineEnded : RobotInput;

    public sealed record HandOffDone(HandOffResult Result) : RobotInput;

    public sealed record ModelDone(ModelVerdict Verdict) : RobotInput;
}
