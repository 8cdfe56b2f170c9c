namespace Huawu.Data.Callbacks;

/// <summary>
/// Callbacks the robot promised on calls outside campaigns (a campaign schedules its own in its queue): requests an operator lists and
/// closes once someone has called back.
/// </summary>
public interface ICallbackRequestRepository
{
    /// <summary>Records the promise of the call <paramref name="callUuid"/>; <see cref="DataProblem.NotFound"/> when no such call is recorded, <see cref="DataProblem.Duplicate"/> when it has one.</summary>
    Task<DataResult<CallbackRequest>> AddAsync(string callUuid, string outcome, DateOnly? requestedDate, TimeOnly? requestedTime = null,
        CancellationToken cancellation = default);

    /// <summary>Requests not yet closed, oldest first (the callee's number decrypted; null once erased).</summary>
    Task<IReadOnlyList<CallbackRequest>> OpenAsync(CancellationToken cancellation = default);

    /// <summary>Closes a request (someone called back, or it was dealt with otherwise); false when it is unknown or already closed.</summary>
    Task<bool> CloseAsync(long id, string actor, CancellationToken cancellation = default);
}

/// <summary>A callback promised on a call: what the conversation came to and the day (and time of day) the callee asked for, if any.</summary>
public sealed record CallbackRequest(long Id, long CallId, string CallUuid, string? Phone, string Outcome, DateOnly? RequestedDate,
    DateTimeOffset CreatedAt, DateTimeOffset? DoneAt, string? DoneBy)
{
    public TimeOnly? RequestedTime { get; init; }
}
