namespace Huawu.Data.Compliance;

/// <summary>
/// Consents per phone number and purpose, as a history: each grant or withdrawal is a new record, so what a
/// person had agreed to at any time can be shown (PIPL Art. 14-15, GDPR Art. 7).
/// </summary>
public interface IConsentRepository
{
    Task<DataResult<Consent>> RecordAsync(string phone, string purpose, bool granted, string source, long? callId = null,
        CancellationToken cancellation = default);

    /// <summary>The latest record for a purpose, or null when the person never answered (or the number is invalid).</summary>
    Task<Consent?> CurrentAsync(string phone, string purpose, CancellationToken cancellation = default);

    /// <summary>Every record for a number, oldest first.</summary>
    Task<IReadOnlyList<Consent>> HistoryAsync(string phone, CancellationToken cancellation = default);
}
