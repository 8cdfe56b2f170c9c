namespace Huawu.ContactCenter.Compliance;

/// <summary>
/// The one gate every outbound call passes before it is dialled, robot or human: do-not-call, refusals and consent, caller ID,
/// holidays and calling hours in the callee's local time, and per-number frequency caps across every campaign and node — the last
/// taken atomically in the store, so two deciders never both pass the last allowed call. Every refusal is recorded with its rule.
/// </summary>
public interface IComplianceGate
{
    Task<GateVerdict> DecideAsync(GateRequest request, CancellationToken cancellation = default);
}
