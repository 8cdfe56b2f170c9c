using System.Data.Common;
using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Contacts;

internal sealed partial class ContactRepository
{
    private const int ImportBatch = 500;

    private const string Insert = """
        INSERT INTO contacts (list_id, phone_enc, phone_index, name_enc, id_number_enc, id_number_index, notes_enc, attributes_enc,
                              created_at, updated_at)
        VALUES (@ListId, @PhoneEnc, @PhoneIndex, @NameEnc, @IdNumberEnc, @IdNumberIndex, @NotesEnc, @AttributesEnc, @Now, @Now)
        ON CONFLICT (list_id, phone_index) DO NOTHING
        RETURNING id
        """;

    public async Task<DataResult<Contact>> AddAsync(long listId, NewContact contact, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (Encrypt(listId, contact) is not { } values) return DataResult.Fail<Contact>(DataProblem.Invalid, "phone: not a phone number");
        var added = await Database.WriteAsync<DataResult<long>>(async (c, t) =>
        {
            if (!await ListExists(c, t, listId, cancellation)) return DataResult.Fail<long>(DataProblem.NotFound, $"contact list {listId}");
            return await c.Scalar<long?>(Insert, values, t, cancellation) is { } id
                ? DataResult.Ok(id)
                : DataResult.Fail<long>(DataProblem.Duplicate, "the list already has this phone number");
        }, cancellation);
        return added.Succeeded
            ? DataResult.Ok((await GetAsync(added.Value, cancellation))!)
            : DataResult.Fail<Contact>(added.Problem, added.Detail!);
    }

    public async Task<DataResult<ContactImport>> ImportAsync(long listId, IReadOnlyList<NewContact> contacts, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        int added = 0;
        var invalid = new List<int>();
        var duplicates = new List<int>();
        for (var start = 0; start < contacts.Count; start += ImportBatch)
        {
            var batch = Enumerable.Range(start, Math.Min(ImportBatch, contacts.Count - start))
                .Select(i => (Row: i, Values: Encrypt(listId, contacts[i]))).ToList();
            invalid.AddRange(batch.Where(b => b.Values is null).Select(b => b.Row));
            var outcome = await Database.WriteAsync<(bool Found, int Added, List<int> Duplicates)>(async (c, t) =>
            {
                var skipped = new List<int>();
                if (!await ListExists(c, t, listId, cancellation)) return (false, 0, skipped);
                var inserted = 0;
                foreach (var (row, values) in batch)
                {
                    if (values is null) continue;
                    // ON CONFLICT (list_id, phone_index): the blind index finds the number whatever spelling either row used.
                    if (await c.Scalar<long?>(Insert, values, t, cancellation) is not null) inserted++;
                    else skipped.Add(row);
                }
                return (true, inserted, skipped);
            }, cancellation);
            if (!outcome.Found) return DataResult.Fail<ContactImport>(DataProblem.NotFound, $"contact list {listId}");
            added += outcome.Added;
            duplicates.AddRange(outcome.Duplicates);
        }
        return DataResult.Ok(new ContactImport(added, duplicates.Count, invalid) { DuplicateRows = duplicates });
    }

    public Task<bool> UpdateAsync(long id, ContactDetails details, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var cipher = context.Cipher;
        var values = new
        {
            id,
            NameEnc = cipher.ProtectOptional(details.Name, EncryptedColumns.ContactName),
            IdNumberEnc = cipher.ProtectOptional(details.IdNumber, EncryptedColumns.ContactIdNumber),
            IdNumberIndex = details.IdNumber is null ? null : context.Index.IdNumber(details.IdNumber),
            NotesEnc = cipher.ProtectOptional(details.Notes, EncryptedColumns.ContactNotes),
            AttributesEnc = cipher.ProtectOptional(ContactAttributes.Serialize(details.Attributes), EncryptedColumns.ContactAttributes),
            Now = context.NowMs,
        };
        return Database.WriteAsync(async (c, t) => await c.Exec("""
            UPDATE contacts SET name_enc = @NameEnc, id_number_enc = @IdNumberEnc, id_number_index = @IdNumberIndex,
                                notes_enc = @NotesEnc, attributes_enc = @AttributesEnc, updated_at = @Now
            WHERE id = @id
            """, values, t, cancellation) > 0, cancellation);
    }

    public Task<bool> DeleteAsync(long id, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) => await c.Exec("DELETE FROM contacts WHERE id = @id", new { id }, t, cancellation) > 0, cancellation);

    private static async Task<bool> ListExists(DbConnection connection, DbTransaction transaction, long listId, CancellationToken cancellation) =>
        await connection.Scalar<long>("SELECT count(*) FROM contact_lists WHERE id = @listId", new { listId }, transaction, cancellation) > 0;

    private InsertValues? Encrypt(long listId, NewContact contact)
    {
        if (!context.PhoneNumbers.TryNormalize(contact.Phone, out var e164)) return null;
        var cipher = context.Cipher;
        return new InsertValues(listId,
            cipher.Protect(e164, EncryptedColumns.ContactPhone),
            context.Index.Phone(e164),
            cipher.ProtectOptional(contact.Name, EncryptedColumns.ContactName),
            cipher.ProtectOptional(contact.IdNumber, EncryptedColumns.ContactIdNumber),
            contact.IdNumber is null ? null : context.Index.IdNumber(contact.IdNumber),
            cipher.ProtectOptional(contact.Notes, EncryptedColumns.ContactNotes),
            cipher.ProtectOptional(ContactAttributes.Serialize(contact.Attributes), EncryptedColumns.ContactAttributes),
            context.NowMs);
    }

    private sealed record InsertValues(long ListId, byte[] PhoneEnc, byte[] PhoneIndex, byte[]? NameEnc, byte[]? IdNumberEnc,
        byte[]? IdNumberIndex, byte[]? NotesEnc, byte[]? AttributesEnc, long Now);
}
