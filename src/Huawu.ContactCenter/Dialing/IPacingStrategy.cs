namespace Huawu.ContactCenter.Dialing;

/// <summary>What a pacing strategy sees of a campaign at each tick.</summary>
/// <param name="InFlight">Its calls being decided, ringing or talking.</param>
/// <param name="MaxConcurrent">Its limit on calls at once.</param>
/// <param name="AvailableAgents">Agents ready for its calls (null for robot campaigns: no agents involved).</param>
public readonly record struct PacingSnapshot(int InFlight, int MaxConcurrent, int? AvailableAgents = null);

/// <summary>
/// How many new calls a campaign places now. Robot campaigns fill their concurrency (<see cref="RobotPacing"/>); agent modes slot in
/// here when the ACD exists: preview (one per agent who accepted a record), progressive (one per available agent), predictive (more
/// than the available agents, by answer rate and abandonment target).
/// </summary>
public interface IPacingStrategy
{
    int CallsToPlace(PacingSnapshot snapshot);
}

/// <summary>Robot calls: every answered call gets a robot, so the only limit is the campaign's concurrency.</summary>
public sealed class RobotPacing : IPacingStrategy
{
    public static RobotPacing Instance { get; } = new();

    public int CallsToPlace(PacingSnapshot snapshot) => Math.Max(0, snapshot.MaxConcurrent - snapshot.InFlight);
}
