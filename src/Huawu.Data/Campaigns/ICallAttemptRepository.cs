namespace Huawu.Data.Campaigns;

/// <summary>Call attempts: the dialer's write-ahead record, and the per-number history its frequency caps read.</summary>
public interface ICallAttemptRepository
{
    /// <summary>
    /// Records an attempt about to be dialed (numbered after the contact's earlier attempts in this campaign);
    /// <see cref="DataProblem.NotFound"/> when the campaign or contact does not exist.
    /// </summary>
    Task<DataResult<CallAttempt>> BeginAsync(long campaignId, long contactId, CancellationToken cancellation = default);

    Task<bool> CompleteAsync(long attemptId, string outcome, string? dispositionCode, long? callId, CancellationToken cancellation = default);

    /// <summary>Completes an attempt still dialing, with how it ended; false when it is unknown or already completed (settled once).</summary>
    Task<bool> FinishAsync(long attemptId, AttemptEnd end, CancellationToken cancellation = default);

    Task<CallAttempt?> GetAsync(long id, CancellationToken cancellation = default);

    /// <summary>A page of a campaign's attempts in id order, after <paramref name="afterId"/> (0 for the first page).</summary>
    Task<IReadOnlyList<CallAttempt>> ForCampaignAsync(long campaignId, long afterId, int limit, CancellationToken cancellation = default);

    /// <summary>A campaign's attempts by outcome; those still dialing count under <see cref="CallAttempt.Dialing"/>.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByOutcomeAsync(long campaignId, CancellationToken cancellation = default);

    /// <summary>The attempts one node left dialing: what that node settles when it starts again.</summary>
    Task<IReadOnlyList<CallAttempt>> UnfinishedAsync(string node, CancellationToken cancellation = default);

    /// <summary>Attempts at this number since a time, in every campaign (frequency caps); 0 for anything that is not a number.</summary>
    Task<int> CountSinceAsync(string phone, DateTimeOffset since, CancellationToken cancellation = default);

    Task<IReadOnlyList<CallAttempt>> ForContactAsync(long contactId, CancellationToken cancellation = default);

    /// <summary>Attempts still marked as dialing: after a crash, the calls whose fate must be settled before redialing.</summary>
    Task<IReadOnlyList<CallAttempt>> UnfinishedAsync(CancellationToken cancellation = default);
}
