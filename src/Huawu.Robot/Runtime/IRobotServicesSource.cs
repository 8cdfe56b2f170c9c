using System.Diagnostics.CodeAnalysis;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Runtime;

/// <summary>
/// The node's services for a script's robot calls: the engines its language is spoken and heard with, call control, the
/// store, the agents' screens. Engines that cannot run on this node are a reason, not an exception.
/// </summary>
public interface IRobotServicesSource
{
    bool TryGet(Script script, [NotNullWhen(true)] out RobotServices? services, [NotNullWhen(false)] out string? error);
}
