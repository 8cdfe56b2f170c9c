using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Contacts;

internal sealed partial class ContactRepository(StoreContext context) : IContactRepository
{
    private const string SelectContacts = """
        SELECT id, list_id, phone_enc, name_enc, id_number_enc, notes_enc, attributes_enc, created_at, updated_at FROM contacts
        """;

    private Database Database => context.Database;

    private const string SelectLists = "SELECT id, name, created_at, region, time_zone FROM contact_lists";

    public Task<ContactList> CreateListAsync(string name, CancellationToken cancellation = default) =>
        CreateListAsync(name, null, null, cancellation);

    public async Task<ContactList> CreateListAsync(string name, string? region, string? timeZone, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var now = context.NowMs;
        var id = await Database.WriteAsync((c, t) => c.Scalar<long>(
            "INSERT INTO contact_lists (name, created_at, region, time_zone) VALUES (@name, @now, @region, @timeZone) RETURNING id",
            new { name, now, region, timeZone }, t, cancellation), cancellation);
        return new ContactList(id, name, UnixTime.FromMs(now)) { Region = region, TimeZone = timeZone };
    }

    public Task<IReadOnlyList<ContactList>> ListListsAsync(CancellationToken cancellation = default) =>
        QueryLists(SelectLists + " ORDER BY id", null, cancellation);

    public async Task<ContactList?> GetListAsync(long id, CancellationToken cancellation = default) =>
        await QueryLists(SelectLists + " WHERE id = @id", new { id }, cancellation) is [var first, ..] ? first : null;

    public async Task<ContactList?> FindListAsync(string name, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return await QueryLists(SelectLists + " WHERE name = @name ORDER BY id LIMIT 1", new { name }, cancellation) is [var first, ..] ? first : null;
    }

    private Task<IReadOnlyList<ContactList>> QueryLists(string sql, object? parameters, CancellationToken cancellation) =>
        Database.ReadAsync<IReadOnlyList<ContactList>>(async c =>
            (await c.List<ListRow>(sql, parameters, null, cancellation))
                .Select(r => new ContactList(r.Id, r.Name, UnixTime.FromMs(r.CreatedAt)) { Region = r.Region, TimeZone = r.TimeZone }).ToList(),
            cancellation);

    public Task<Contact?> GetAsync(long id, CancellationToken cancellation = default) =>
        Database.ReadAsync(async c =>
        {
            var row = await c.FirstOrDefault<ContactRow>(SelectContacts + " WHERE id = @id", new { id }, null, cancellation);
            return row is null ? null : Decrypt(row);
        }, cancellation);

    public Task<IReadOnlyList<Contact>> FindByPhoneAsync(string phone, CancellationToken cancellation = default) =>
        context.PhoneIndexOf(phone) is { } index
            ? Query(SelectContacts + " WHERE phone_index = @index ORDER BY id", new { index }, cancellation)
            : Task.FromResult<IReadOnlyList<Contact>>([]);

    public Task<IReadOnlyList<Contact>> FindByIdNumberAsync(string idNumber, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var index = context.Index.IdNumber(idNumber);
        return Query(SelectContacts + " WHERE id_number_index = @index ORDER BY id", new { index }, cancellation);
    }

    public Task<IReadOnlyList<Contact>> PageAsync(long listId, long afterId, int limit, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Query(SelectContacts + " WHERE list_id = @listId AND id > @afterId ORDER BY id LIMIT @limit",
            new { listId, afterId, limit }, cancellation);
    }

    private Task<IReadOnlyList<Contact>> Query(string sql, object parameters, CancellationToken cancellation) =>
        Database.ReadAsync<IReadOnlyList<Contact>>(async c =>
            (await c.List<ContactRow>(sql, parameters, null, cancellation)).Select(Decrypt).ToList(), cancellation);

    private Contact Decrypt(ContactRow row)
    {
        var cipher = context.Cipher;
        return new Contact(row.Id, row.ListId,
            cipher.Unprotect(row.PhoneEnc, EncryptedColumns.ContactPhone),
            cipher.UnprotectOptional(row.NameEnc, EncryptedColumns.ContactName),
            cipher.UnprotectOptional(row.IdNumberEnc, EncryptedColumns.ContactIdNumber),
            cipher.UnprotectOptional(row.NotesEnc, EncryptedColumns.ContactNotes),
            ContactAttributes.Parse(cipher.UnprotectOptional(row.AttributesEnc, EncryptedColumns.ContactAttributes)),
            UnixTime.FromMs(row.CreatedAt), UnixTime.FromMs(row.UpdatedAt));
    }

    private sealed class ListRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public long CreatedAt { get; set; }

        public string? Region { get; set; }

        public string? TimeZone { get; set; }
    }

    private sealed class ContactRow
    {
        public long Id { get; set; }

        public long ListId { get; set; }

        public byte[] PhoneEnc { get; set; } = [];

        public byte[]? NameEnc { get; set; }

        public byte[]? IdNumberEnc { get; set; }

        public byte[]? NotesEnc { get; set; }

        public byte[]? AttributesEnc { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }
    }
}
