namespace Huawu.Data.Calls;

/// <summary>Calls with their legs, events and collected variables.</summary>
public interface ICallRecordRepository
{
    /// <summary>Records a call; <see cref="DataProblem.Duplicate"/> when its uuid is already recorded.</summary>
    Task<DataResult<CallRecord>> InsertAsync(NewCallRecord call, CancellationToken cancellation = default);

    /// <summary>Records many calls in batched multi-row statements; calls whose uuid exists are skipped. Returns how many were added.</summary>
    Task<int> InsertManyAsync(IReadOnlyList<NewCallRecord> calls, CancellationToken cancellation = default);

    Task<CallRecord?> GetAsync(long id, CancellationToken cancellation = default);

    Task<CallRecord?> FindByUuidAsync(string callUuid, CancellationToken cancellation = default);

    /// <summary>
    /// The record a leg belongs to, by the leg's id in the telephony layer (<see cref="CallLeg.LegUuid"/>): the one listing
    /// it among its legs, or the one it began (whose uuid is its id) before its leg is written. Live events come per leg.
    /// </summary>
    Task<CallRecord?> FindByLegIdAsync(string legUuid, CancellationToken cancellation = default);

    /// <summary>Calls with this customer, newest first, whatever spelling the number is given in.</summary>
    Task<IReadOnlyList<CallRecord>> FindByCustomerPhoneAsync(string phone, CancellationToken cancellation = default);

    /// <summary>A page of the calls a scope sees, newest first, before <paramref name="beforeId"/> (keyset paging: null for the first page).</summary>
    Task<IReadOnlyList<CallRecord>> PageAsync(CallScope scope, long? beforeId, int limit, CancellationToken cancellation = default);

    /// <summary>Whether a call exists and the scope sees it.</summary>
    Task<bool> IsInScopeAsync(long callId, CallScope scope, CancellationToken cancellation = default);

    /// <summary>The teams a call belongs to: those of its agent and the team of its queue.</summary>
    Task<IReadOnlyList<long>> TeamsOfAsync(long callId, CancellationToken cancellation = default);

    /// <summary>The calls an agent is on now (not ended), newest first.</summary>
    Task<IReadOnlyList<CallRecord>> CurrentForAgentAsync(long agentUserId, CancellationToken cancellation = default);

    Task<bool> MarkAnsweredAsync(long id, DateTimeOffset answeredAt, CancellationToken cancellation = default);

    /// <summary>Ends a call: its end time and cause, who hung up, its final SIP status and durations (each written as given, null too).</summary>
    Task<bool> EndAsync(long id, CallEnd end, CancellationToken cancellation = default);

    Task<DataResult<CallLeg>> AddLegAsync(long callId, NewCallLeg leg, CancellationToken cancellation = default);

    /// <summary>Sets when a leg (by its row id, <see cref="CallLeg.Id"/>) was answered.</summary>
    Task<bool> MarkLegAnsweredAsync(long legId, DateTimeOffset answeredAt, CancellationToken cancellation = default);

    Task<bool> EndLegAsync(long legId, LegEnd end, CancellationToken cancellation = default);

    Task<IReadOnlyList<CallLeg>> LegsAsync(long callId, CancellationToken cancellation = default);

    /// <summary>Appends an event stamped with the current time.</summary>
    Task<DataResult<CallEvent>> AddEventAsync(long callId, string kind, string? detail, CancellationToken cancellation = default);

    /// <summary>Appends an event that happened at <paramref name="occurredAt"/> (its source's time, however late it is written).</summary>
    Task<DataResult<CallEvent>> AddEventAsync(long callId, DateTimeOffset occurredAt, string kind, string? detail, CancellationToken cancellation = default);

    Task<IReadOnlyList<CallEvent>> EventsAsync(long callId, CancellationToken cancellation = default);

    /// <summary>Sets how a call went as its robot or agent concluded (disposition code, intent grade), before or after its end is written.</summary>
    Task<bool> SetOutcomeAsync(long id, string? dispositionCode, string? intentGrade, CancellationToken cancellation = default);

    /// <summary>Sets a variable (robot slot, agent field) on a call; the value is encrypted.</summary>
    Task<bool> SetVariableAsync(long callId, string name, string value, CancellationToken cancellation = default);

    Task<IReadOnlyDictionary<string, string>> VariablesAsync(long callId, CancellationToken cancellation = default);
}
