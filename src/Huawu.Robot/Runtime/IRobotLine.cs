using Huawu.Robot.Dialogue;

namespace Huawu.Robot.Runtime;

/// <summary>How a hand-off to a person ended.</summary>
public enum HandOffOutcome
{
    /// <summary>The agent answered and now has the callee; the robot's part is over.</summary>
    Answered,

    /// <summary>Nobody answered within the transfer's no-answer time; the robot has the callee back.</summary>
    NoAnswer,

    /// <summary>The transfer could not be attempted or failed at once (the reason says why); the robot has the callee back.</summary>
    Failed,
}

/// <summary>A hand-off's result, with the reason when it failed.</summary>
public sealed record HandOffResult(HandOffOutcome Outcome, string? Reason = null);

/// <summary>
/// The call under the robot: its callee, its end, hanging up and handing off. On a real call this is the telephony
/// <c>ICall</c> (<see cref="CallLine"/>).
/// </summary>
public interface IRobotLine
{
    /// <summary>The callee's number, for the do-not-call list.</summary>
    string CalleeNumber { get; }

    /// <summary>Completes when the call has ended, whoever ended it.</summary>
    Task Ended { get; }

    Task HangUpAsync();

    /// <summary>
    /// Hands the callee to <paramref name="transfer"/>'s target with its context, waiting at most its no-answer time for
    /// someone to answer. Never throws for the far end's failures: they are results.
    /// </summary>
    Task<HandOffResult> HandOffAsync(TransferAction transfer, CancellationToken cancellation);
}
