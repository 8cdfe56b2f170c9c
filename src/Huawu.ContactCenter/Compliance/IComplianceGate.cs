namespace Huawu.ContactCenter.Compliance;

/// <summary>
/// The one gate every outbound call passes before it is dialled, robot or human: do-not-call, refusals and consent, caller ID,
/// holidays and calling hours in the callee's local time, and per-number frequency caps across every campaign and node — the last
/// taken atomically in the store, so two deciders never both pass the last allowed call. Every refusal is recorded with its rule.
/// </summary>
public interface IComplianceGate
{
    Task<GateVerdict> DecideAsync(GateRequest request, CancellationToken cancellation = default);

    /// <summary>
    /// The callee's calling hours and zones under the rules that apply to them, for planning a call for later (a promised callback is
    /// set inside them); null for a number that cannot be normalized. Planning is no decision: the call still passes <see cref="DecideAsync"/>.
    /// </summary>
    Task<CalleeHours?> CalleeHoursAsync(string phone, string? listZone, CancellationToken cancellation = default);
}
