namespace Huawu.Data.Compliance;

/// <summary>
/// The compliance gate's record: every decision, allowed or refused with its rule. Allowed decisions are the dialling slots
/// the frequency caps count. Reserving a slot counts and takes it in one write transaction that excludes every other decider
/// of the same number (SQLite: the database's write lock; PostgreSQL: an advisory lock on the number's blind index, held to
/// commit), so two campaigns or two nodes can never both take the last slot.
/// </summary>
public interface IGateLedger
{
    /// <summary>
    /// Takes a slot if every cap has room, else records the refusal of the first full cap. <see cref="DataProblem.Invalid"/> for a bad
    /// number, <see cref="DataProblem.NotFound"/> for a missing campaign or contact.
    /// </summary>
    Task<DataResult<SlotReservation>> ReserveAsync(SlotRequest request, CancellationToken cancellation = default);

    /// <summary>Records a refusal decided before any slot was counted (calling window, do-not-call, consent…).</summary>
    Task<DataResult<long>> RecordRefusalAsync(string phone, string rule, string? detail, long? campaignId, string actor,
        CancellationToken cancellation = default);

    /// <summary>The decisions about a number since a time, oldest first.</summary>
    Task<IReadOnlyList<GateDecision>> HistoryAsync(string phone, DateTimeOffset since, CancellationToken cancellation = default);
}
