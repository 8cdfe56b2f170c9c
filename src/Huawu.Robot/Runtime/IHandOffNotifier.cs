using Huawu.Robot.Dialogue;

namespace Huawu.Robot.Runtime;

/// <summary>A hand-off as the agent's screen receives it: which call, to which extension, and what the robot learnt.</summary>
/// <param name="CallId">The callee's call (the telephony call id).</param>
/// <param name="Extension">The extension being rung (for a queue, the member being offered the call).</param>
/// <param name="CalleeNumber">Who the agent will speak to.</param>
public sealed record HandOffNotice(string CallId, string Extension, string CalleeNumber, HandOffContext Context)
{
    /// <summary>The queue the call was handed to, when the extension rings as one of its members; null for a transfer to an extension.</summary>
    public string? Queue { get; init; }
}

/// <summary>Delivers a hand-off's context to the agent's screen (the realtime event stream), before the agent's phone rings.</summary>
public interface IHandOffNotifier
{
    /// <summary>Publishes the notice; never throws for a delivery problem (the hand-off goes on without the screen pop).</summary>
    Task NotifyAsync(HandOffNotice notice, CancellationToken cancellation);
}
