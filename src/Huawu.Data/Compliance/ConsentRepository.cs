using Huawu.Data.Storage;

namespace Huawu.Data.Compliance;

internal sealed class ConsentRepository(StoreContext context) : IConsentRepository
{
    private const string SelectConsents = "SELECT id, purpose, granted, source, call_id, recorded_at FROM consents";

    private Database Database => context.Database;

    public async Task<DataResult<Consent>> RecordAsync(string phone, string purpose, bool granted, string source, long? callId = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(source);
        if (context.PhoneIndexOf(phone) is not { } index) return DataResult.Fail<Consent>(DataProblem.Invalid, "phone: not a phone number");
        var now = context.NowMs;
        var id = await Database.WriteAsync((c, t) => c.Scalar<long>("""
            INSERT INTO consents (phone_index, purpose, granted, source, call_id, recorded_at)
            VALUES (@index, @purpose, @granted, @source, @callId, @now) RETURNING id
            """, new { index, purpose, granted, source, callId, now }, t, cancellation), cancellation);
        return DataResult.Ok(new Consent(id, purpose, granted, source, callId, UnixTime.FromMs(now)));
    }

    public async Task<Consent?> CurrentAsync(string phone, string purpose, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        if (context.PhoneIndexOf(phone) is not { } index) return null;
        var row = await Database.ReadAsync(c => c.FirstOrDefault<Row>(
            SelectConsents + " WHERE phone_index = @index AND purpose = @purpose ORDER BY recorded_at DESC, id DESC LIMIT 1",
            new { index, purpose }, null, cancellation), cancellation);
        return row?.ToConsent();
    }

    public async Task<IReadOnlyList<Consent>> HistoryAsync(string phone, CancellationToken cancellation = default)
    {
        if (context.PhoneIndexOf(phone) is not { } index) return [];
        var rows = await Database.ReadAsync(c => c.List<Row>(SelectConsents + " WHERE phone_index = @index ORDER BY recorded_at, id",
            new { index }, null, cancellation), cancellation);
        return [.. rows.Select(r => r.ToConsent())];
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public string Purpose { get; set; } = "";

        public bool Granted { get; set; }

        public string Source { get; set; } = "";

        public long? CallId { get; set; }

        public long RecordedAt { get; set; }

        public Consent ToConsent() => new(Id, Purpose, Granted, Source, CallId, UnixTime.FromMs(RecordedAt));
    }
}
