using Dapper;
using Huawu.Data.Contacts;
using Huawu.Data.Protection;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Contacts;

public sealed class ContactRepositoryTests
{
    [Theory, BothDatabases]
    public async Task A_contact_reads_back_decrypted_with_its_number_in_E164(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var list = await test.Store.Contacts.CreateListAsync("March renewals");
        var added = await test.Store.Contacts.AddAsync(list.Id, new NewContact("138-1234-5678", "欧阳建国", "11010119900307123X", "prefers afternoons",
            new Dictionary<string, string> { ["amount_due"] = "1288.50", ["product"] = "宽带" }));
        Assert.True(added.Succeeded, added.Detail);
        var contact = added.Value!;
        Assert.Equal("+8613812345678", contact.Phone);
        Assert.Equal("欧阳建国", contact.Name);
        Assert.Equal("11010119900307123X", contact.IdNumber);
        Assert.Equal("prefers afternoons", contact.Notes);
        Assert.Equal("宽带", contact.Attributes["product"]);
        Assert.Equal(list.Id, contact.ListId);
        Assert.Equivalent(contact, await test.Store.Contacts.GetAsync(contact.Id), strict: true);
    }

    [Theory, BothDatabases]
    public async Task What_is_stored_is_envelopes_and_a_blind_index_never_the_values(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var list = await test.Store.Contacts.CreateListAsync("l");
        var contact = (await test.Store.Contacts.AddAsync(list.Id, new NewContact("13812345678", "张伟"))).Value!;

        await using var connection = await test.Database.OpenRawAsync();
        var row = await connection.QuerySingleAsync<(byte[] Phone, byte[] Index, byte[] Name)>(
            "SELECT phone_enc, phone_index, name_enc FROM contacts WHERE id = @Id", new { contact.Id });
        var cipher = new PersonalDataCipher(test.Keys);
        Assert.True(Envelope.TryReadKeyId(row.Phone, out var keyId));
        Assert.Equal(test.Keys.ActiveKeyId, keyId);
        Assert.Equal("+8613812345678", cipher.Unprotect(row.Phone, EncryptedColumns.ContactPhone));
        Assert.Equal("张伟", cipher.Unprotect(row.Name, EncryptedColumns.ContactName));
        Assert.Equal(new BlindIndex(test.Keys).Phone("+8613812345678"), row.Index);
    }

    [Theory, BothDatabases]
    public async Task A_list_holds_a_number_once_whatever_its_spelling_and_lookups_find_it_in_every_list(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = await test.Store.Contacts.CreateListAsync("first");
        var second = await test.Store.Contacts.CreateListAsync("second");
        Assert.True((await test.Store.Contacts.AddAsync(first.Id, new NewContact("13812345678"))).Succeeded);
        Assert.Equal(DataProblem.Duplicate, (await test.Store.Contacts.AddAsync(first.Id, new NewContact("+86 138 1234 5678"))).Problem);
        Assert.True((await test.Store.Contacts.AddAsync(second.Id, new NewContact("008613812345678"))).Succeeded);
        Assert.True((await test.Store.Contacts.AddAsync(second.Id, new NewContact("13812345679"))).Succeeded);

        var found = await test.Store.Contacts.FindByPhoneAsync("138 1234 5678");
        Assert.Equal([first.Id, second.Id], found.Select(c => c.ListId));
        Assert.Empty(await test.Store.Contacts.FindByPhoneAsync("13900000000"));
        Assert.Empty(await test.Store.Contacts.FindByPhoneAsync("not a number"));
    }

    [Theory, BothDatabases]
    public async Task Bad_numbers_and_missing_lists_are_refused(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var list = await test.Store.Contacts.CreateListAsync("l");
        Assert.Equal(DataProblem.Invalid, (await test.Store.Contacts.AddAsync(list.Id, new NewContact("65529988"))).Problem);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Contacts.AddAsync(list.Id + 1, new NewContact("13812345678"))).Problem);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Contacts.ImportAsync(list.Id + 1, [new NewContact("13812345678")])).Problem);
        Assert.Empty(await test.Store.Contacts.PageAsync(list.Id, 0, 10));
    }

    [Theory, BothDatabases]
    public async Task An_import_counts_added_duplicate_and_invalid_rows_across_batches(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var list = await test.Store.Contacts.CreateListAsync("import");
        await test.Store.Contacts.AddAsync(list.Id, new NewContact("13800000007"));
        var rows = Enumerable.Range(0, 1203).Select(i => new NewContact($"138{i:D8}", $"Customer {i}")).ToList();
        rows[10] = new NewContact("12345");                // invalid
        rows[600] = new NewContact("138-0000-0599");       // the same number as row 599, in another batch position
        rows[1202] = new NewContact("garbage");            // invalid, in the last batch

        var import = (await test.Store.Contacts.ImportAsync(list.Id, rows)).Value!;
        Assert.Equal([10, 1202], import.InvalidRows);
        Assert.Equal(2, import.Duplicates); // row 7 (added before) and row 600 (same as 599)
        Assert.Equal(1203 - 2 - 2, import.Added);

        var all = new List<Contact>();
        for (long after = 0; ;)
        {
            var page = await test.Store.Contacts.PageAsync(list.Id, after, 250);
            if (page.Count == 0) break;
            all.AddRange(page);
            after = page[^1].Id;
        }
        Assert.Equal(import.Added + 1, all.Count);
        Assert.Equal(all.Count, all.Select(c => c.Phone).Distinct().Count());
        Assert.Equal("Customer 1201", all.Single(c => c.Phone == "+8613800001201").Name);
    }

    [Theory, BothDatabases]
    public async Task Id_numbers_are_found_whatever_their_case_or_spacing(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var list = await test.Store.Contacts.CreateListAsync("l");
        var contact = (await test.Store.Contacts.AddAsync(list.Id, new NewContact("13812345678", IdNumber: "11010119900307123x"))).Value!;
        Assert.Equal(contact.Id, Assert.Single(await test.Store.Contacts.FindByIdNumberAsync("110101 19900307 123X")).Id);
        Assert.Empty(await test.Store.Contacts.FindByIdNumberAsync("110101199003071230"));
    }

    [Theory, BothDatabases]
    public async Task Details_are_replaced_as_a_whole_and_deletion_removes_the_contact(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var list = await test.Store.Contacts.CreateListAsync("l");
        var contact = (await test.Store.Contacts.AddAsync(list.Id, new NewContact("13812345678", "张伟", "G1234567", "old"))).Value!;
        test.Time.Advance(TimeSpan.FromHours(1));

        Assert.True(await test.Store.Contacts.UpdateAsync(contact.Id, new ContactDetails("张伟强", null, "new note", null)));
        var updated = (await test.Store.Contacts.GetAsync(contact.Id))!;
        Assert.Equal(("张伟强", (string?)null, "new note"), (updated.Name, updated.IdNumber, updated.Notes));
        Assert.Empty(updated.Attributes);
        Assert.Equal(test.Time.GetUtcNow(), updated.UpdatedAt);
        Assert.Empty(await test.Store.Contacts.FindByIdNumberAsync("G1234567"));
        Assert.False(await test.Store.Contacts.UpdateAsync(contact.Id + 1, new ContactDetails(null, null, null, null)));

        Assert.True(await test.Store.Contacts.DeleteAsync(contact.Id));
        Assert.Null(await test.Store.Contacts.GetAsync(contact.Id));
        Assert.Equal(["l"], (await test.Store.Contacts.ListListsAsync()).Select(l => l.Name));
    }
}
