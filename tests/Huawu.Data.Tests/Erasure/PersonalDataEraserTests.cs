using Dapper;
using Huawu.Data.Calls;
using Huawu.Data.Contacts;
using Huawu.Data.Erasure;
using Huawu.Data.Protection;
using Huawu.Data.Recordings;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Data.Transcripts;

namespace Huawu.Data.Tests.Erasure;

public sealed class PersonalDataEraserTests
{
    private const string Person = "13812345678";
    private const string Neighbour = "13987654321";

    private sealed record Footprint(Contact Contact, CallRecord Call, RecordingInfo Recording);

    private static async Task<Footprint> LeaveFootprintAsync(TestStore test, string phone, string name)
    {
        var store = test.Store;
        var (campaign, contact) = await Seed.CampaignWithContactAsync(store, phone, "campaign " + name);
        var otherList = await store.Contacts.CreateListAsync("other list " + name);
        await store.Contacts.AddAsync(otherList.Id, new NewContact("+86 " + phone, name, "11010119900307123X", "VIP"));
        var attempt = (await store.Attempts.BeginAsync(campaign.Id, contact.Id)).Value!;
        var call = await Seed.CallAsync(store, phone, test.Time.GetUtcNow());
        await store.Attempts.CompleteAsync(attempt.Id, "answered", "answered", call.Id);
        await store.Calls.AddLegAsync(call.Id, new NewCallLeg("leg-" + name, "customer", phone, test.Time.GetUtcNow()));
        await store.Calls.AddLegAsync(call.Id, new NewCallLeg("agent-" + name, "agent", "1001", test.Time.GetUtcNow()));
        await store.Calls.AddEventAsync(call.Id, "answered", null);
        await store.Calls.SetVariableAsync(call.Id, "callback_time", "周三");
        await store.Transcripts.AppendAsync(call.Id, new NewTranscriptSegment("customer", TimeSpan.Zero, TimeSpan.FromSeconds(2), $"我是{name}"));
        await store.Consents.RecordAsync(phone, "recording", true, "ivr", call.Id);
        await using var writer = (await store.Recordings.StartAsync(call.Id, RecordingFormat.Pcm16Mono8k)).Value!;
        writer.Write(new byte[640]);
        return new Footprint(contact, call, await writer.CompleteAsync());
    }

    [Theory, BothDatabases]
    public async Task Erasing_a_person_leaves_only_a_do_not_call_index_and_the_audit_entry(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var store = test.Store;
        var person = await LeaveFootprintAsync(test, Person, "张伟");
        var neighbour = await LeaveFootprintAsync(test, Neighbour, "李娜");
        var since = test.Time.GetUtcNow().AddDays(-1);

        var erased = await new PersonalDataEraser(store).EraseByPhoneAsync("+86 138-1234-5678", "cli:root");
        var report = erased.Value!;
        Assert.Equal(new ErasureReport(ContactsDeleted: 2, CallsAnonymized: 1, CallLegsAnonymized: 2, RecordingsDeleted: 1,
            TranscriptSegmentsDeleted: 1, CallVariablesDeleted: 1, AttemptsAnonymized: 1, ConsentsDeleted: 1, AddedToDoNotCall: true,
            AuditSequence: 1), report);

        Assert.Empty(await store.Contacts.FindByPhoneAsync(Person));
        Assert.Equal("+86" + Neighbour, Assert.Single(await store.Contacts.FindByIdNumberAsync("11010119900307123X")).Phone);
        Assert.Empty(await store.Calls.FindByCustomerPhoneAsync(Person));
        var call = (await store.Calls.GetAsync(person.Call.Id))!;
        Assert.Equal((null, person.Call.StartedAt), (call.CustomerPhone, call.StartedAt));
        Assert.All(await store.Calls.LegsAsync(call.Id), l => Assert.Null(l.Party));
        Assert.Single(await store.Calls.EventsAsync(call.Id));
        Assert.Empty(await store.Calls.VariablesAsync(call.Id));
        Assert.Empty(await store.Transcripts.ForCallAsync(call.Id));
        Assert.Null(await store.Recordings.GetAsync(person.Recording.Id));
        Assert.Equal(0, await store.Attempts.CountSinceAsync(Person, since));
        Assert.Empty(await store.Consents.HistoryAsync(Person));
        Assert.True(await store.DoNotCall.ContainsAsync(Person));

        // The neighbour is untouched.
        Assert.Equal(2, (await store.Contacts.FindByPhoneAsync(Neighbour)).Count);
        Assert.Equal("+86" + Neighbour, (await store.Calls.GetAsync(neighbour.Call.Id))!.CustomerPhone);
        Assert.NotNull((await store.Recordings.OpenAsync(neighbour.Recording.Id)).Audio);
        Assert.Single(await store.Transcripts.ForCallAsync(neighbour.Call.Id));
        Assert.Equal(1, await store.Attempts.CountSinceAsync(Neighbour, since));
        Assert.False(await store.DoNotCall.ContainsAsync(Neighbour));

        // Nothing in any table still carries the person's index, except the do-not-call list.
        var index = new BlindIndex(test.Keys).Phone("+86" + Person);
        await using var connection = await test.Database.OpenRawAsync();
        foreach (var (table, column) in new[] { ("contacts", "phone_index"), ("calls", "customer_phone_index"), ("call_legs", "party_index"),
                     ("call_attempts", "phone_index"), ("consents", "phone_index") })
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE {column} = @index", new { index }));
        }
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM do_not_call WHERE phone_index = @index", new { index }));

        var audit = Assert.Single(await store.Audit.ReadAsync(0, 10));
        Assert.Equal(("cli:root", "erased", "person"), (audit.Actor, audit.Action, audit.TargetType));
        Assert.DoesNotContain("5678", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("recordings deleted (files and rows): 1", audit.Detail, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(store.Options.RecordingsDirectory, "*", SearchOption.AllDirectories));
    }

    [Theory, BothDatabases]
    public async Task Erasing_again_finds_nothing_and_a_bad_number_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await LeaveFootprintAsync(test, Person, "张伟");
        var eraser = new PersonalDataEraser(test.Store);
        await eraser.EraseByPhoneAsync(Person, "cli");
        var again = (await eraser.EraseByPhoneAsync("008613812345678", "cli")).Value!;
        Assert.Equal(new ErasureReport(0, 0, 0, 0, 0, 0, 0, 0, false, 2), again);
        Assert.Equal(DataProblem.Invalid, (await eraser.EraseByPhoneAsync("someone", "cli")).Problem);
        Assert.Equal(2, (await test.Store.Audit.ReadAsync(0, 10)).Count);
    }
}
