using Huawu.Data.Accounts;
using Huawu.Data.Audit;
using Huawu.Data.Calls;
using Huawu.Data.Contacts;
using Huawu.Data.Erasure;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Data.Transcripts;

namespace Huawu.Data.Tests.Privacy;

/// <summary>
/// SQL injection attempts in every string parameter of every repository: lookups find nothing and change
/// nothing; writes store the text literally and touch no other row. Every statement is parameterized; these
/// tests keep it so.
/// </summary>
public sealed class InjectionTests
{
    private static readonly string[] Payloads =
    [
        "'; DROP TABLE users; --",
        "' OR '1'='1",
        "x'); DELETE FROM contacts; --",
        "\"; UPDATE settings SET value = 'pwned'; --",
        "1; DROP TABLE audit_log",
        "$$; DROP TABLE settings; $$",
        "\\'; DELETE FROM do_not_call; --",
        "%' OR 1=1 --",
        "@index",
        "' || (SELECT password_hash FROM users LIMIT 1) || '",
    ];

    public static TheoryData<DatabaseProvider, string> Cases()
    {
        var cases = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var payload in Payloads) cases.Add(provider, payload);
        }
        return cases;
    }

    private static async Task<(long ListId, long CallId)> SeedSentinelsAsync(DataStore store)
    {
        await store.Users.CreateAsync(new NewUser("sentinel", "Sentinel", "hash", [Role.Admin]));
        await store.Settings.SetAsync("sentinel", "kept");
        await store.DoNotCall.AddAsync("13700000000", "sentinel", "seed");
        var list = await store.Contacts.CreateListAsync("sentinel");
        await store.Contacts.AddAsync(list.Id, new NewContact("13700000001", "Sentinel"));
        var call = await Seed.CallAsync(store, "13700000001", DateTimeOffset.UnixEpoch, "sentinel-call");
        await store.Calls.AddLegAsync(call.Id, new NewCallLeg("sentinel-leg", "customer", null, DateTimeOffset.UnixEpoch));
        await store.Audit.AppendAsync(new AuditEvent("seed", AuditAction.Created));
        return (list.Id, call.Id);
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Lookups_with_injection_text_find_nothing_and_change_nothing(DatabaseProvider provider, string payload)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var store = test.Store;
        var (_, callId) = await SeedSentinelsAsync(store);
        var before = await DatabaseSnapshot.CaptureAsync(test.Database);

        Assert.Null(await store.Users.FindByUsernameAsync(payload));
        Assert.Empty(await store.Contacts.FindByPhoneAsync(payload));
        Assert.Empty(await store.Contacts.FindByIdNumberAsync(payload));
        Assert.False(await store.DoNotCall.ContainsAsync(payload));
        Assert.Null(await store.DoNotCall.FindAsync(payload));
        Assert.False(await store.DoNotCall.RemoveAsync(payload));
        Assert.Null(await store.Consents.CurrentAsync(payload, payload));
        Assert.Empty(await store.Consents.HistoryAsync(payload));
        Assert.Equal(0, await store.Attempts.CountSinceAsync(payload, DateTimeOffset.UnixEpoch));
        Assert.Null(await store.Calls.FindByUuidAsync(payload));
        Assert.Null(await store.Calls.FindByLegIdAsync(payload));
        Assert.Empty(await store.Calls.FindByCustomerPhoneAsync(payload));
        Assert.Null(await store.Settings.GetAsync(payload));
        Assert.False(await store.Settings.DeleteAsync(payload));
        Assert.Equal(DataProblem.Invalid, (await store.DoNotCall.AddAsync(payload, "r", "s")).Problem);
        Assert.Equal(DataProblem.Invalid, (await store.Consents.RecordAsync(payload, "p", true, "s")).Problem);
        Assert.Equal(DataProblem.Invalid, (await new PersonalDataEraser(store).EraseByPhoneAsync(payload, "cli")).Problem);
        Assert.Empty(await store.Calls.VariablesAsync(callId));

        Assert.Equal(before, await DatabaseSnapshot.CaptureAsync(test.Database));
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Writes_store_injection_text_literally_and_touch_nothing_else(DatabaseProvider provider, string p)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var store = test.Store;
        var (sentinelList, _) = await SeedSentinelsAsync(store);
        var tables = (await DatabaseSnapshot.CaptureAsync(test.Database)).Keys.ToList();

        // Most payloads are not usernames; one that is ("@index") becomes exactly that user.
        var named = await store.Users.CreateAsync(new NewUser(p, "x", "hash", [Role.Agent]));
        Assert.True(named.Succeeded ? (await store.Users.FindByUsernameAsync(p))!.Username == p : named.Problem == DataProblem.Invalid);
        var user = (await store.Users.CreateAsync(new NewUser("u1", p, p, [Role.Agent]))).Value!;
        Assert.True(await store.Users.SetPasswordHashAsync(user.Id, p + "2"));
        Assert.Equal((p, p + "2"), ((await store.Users.GetAsync(user.Id))!.DisplayName, (await store.Users.GetAsync(user.Id))!.PasswordHash));

        var list = await store.Contacts.CreateListAsync(p);
        var contact = (await store.Contacts.AddAsync(list.Id, new NewContact("13800000000", p, p, p, new Dictionary<string, string> { [p] = p }))).Value!;
        Assert.Equal((p, p, p, p), (contact.Name, contact.IdNumber, contact.Notes, contact.Attributes[p]));
        Assert.Equal(contact.Id, Assert.Single(await store.Contacts.FindByIdNumberAsync(p)).Id);
        Assert.True(await store.Contacts.UpdateAsync(contact.Id, new ContactDetails(p + p, null, p, null)));
        Assert.Equal(p + p, (await store.Contacts.GetAsync(contact.Id))!.Name);
        Assert.Equal(p, (await store.Contacts.ListListsAsync()).Single(l => l.Id == list.Id).Name);
        Assert.Equal(1, (await store.Contacts.ImportAsync(list.Id, [new NewContact("13800000009", p)])).Value!.Added);

        await store.DoNotCall.AddAsync("13800000000", p, p);
        Assert.Equal((p, p), ((await store.DoNotCall.FindAsync("13800000000"))!.Reason, (await store.DoNotCall.FindAsync("13800000000"))!.Source));
        await store.Consents.RecordAsync("13800000000", p, true, p);
        Assert.Equal(p, (await store.Consents.CurrentAsync("13800000000", p))!.Source);

        var campaign = (await store.Campaigns.CreateAsync(p, list.Id)).Value!;
        Assert.True(await store.Campaigns.SetStatusAsync(campaign.Id, p));
        Assert.Equal((p, p), ((await store.Campaigns.GetAsync(campaign.Id))!.Name, (await store.Campaigns.GetAsync(campaign.Id))!.Status));
        var attempt = (await store.Attempts.BeginAsync(campaign.Id, contact.Id)).Value!;
        Assert.True(await store.Attempts.CompleteAsync(attempt.Id, p, p, null));
        Assert.Equal((p, p), ((await store.Attempts.ForContactAsync(contact.Id))[0].Outcome, (await store.Attempts.ForContactAsync(contact.Id))[0].DispositionCode));

        var call = (await store.Calls.InsertAsync(new NewCallRecord(p, CallDirection.Inbound, DateTimeOffset.UnixEpoch)
        {
            CustomerPhone = p, LocalNumber = p, Trunk = p, HangupCause = p, DispositionCode = p, IntentGrade = p,
        })).Value!;
        Assert.Equal((p, p, p, p, p, p, p), (call.CallUuid, call.CustomerPhone, call.LocalNumber, call.Trunk, call.HangupCause, call.DispositionCode,
            call.IntentGrade));
        Assert.Equal(call, await store.Calls.FindByUuidAsync(p));
        Assert.Equal(1, await store.Calls.InsertManyAsync([new NewCallRecord(p + "2", CallDirection.Outbound, DateTimeOffset.UnixEpoch) { HangupCause = p }]));
        Assert.Equal(p, (await store.Calls.FindByUuidAsync(p + "2"))!.HangupCause);
        Assert.True(await store.Calls.EndAsync(call.Id, new CallEnd(DateTimeOffset.UnixEpoch, p, p, p)));
        var leg = (await store.Calls.AddLegAsync(call.Id, new NewCallLeg(p + "leg", p, p, DateTimeOffset.UnixEpoch) { Trunk = p })).Value!;
        Assert.True(await store.Calls.EndLegAsync(leg.Id, new LegEnd(DateTimeOffset.UnixEpoch, p)));
        var storedLeg = (await store.Calls.LegsAsync(call.Id))[0];
        Assert.Equal((p + "leg", p, p, p, p), (storedLeg.LegUuid, leg.Role, leg.Party, storedLeg.Trunk, storedLeg.HangupCause));
        Assert.Equal(call.Id, (await store.Calls.FindByLegIdAsync(p + "leg"))!.Id);
        Assert.Equal(call.Id, (await store.Calls.FindByLegIdAsync(p))!.Id);
        await store.Calls.AddEventAsync(call.Id, p, p);
        Assert.Equal((p, p), ((await store.Calls.EventsAsync(call.Id))[0].Kind, (await store.Calls.EventsAsync(call.Id))[0].Detail));
        Assert.True(await store.Calls.SetVariableAsync(call.Id, p, p));
        Assert.Equal(p, (await store.Calls.VariablesAsync(call.Id))[p]);

        await store.Transcripts.AppendAsync(call.Id, new NewTranscriptSegment(p, TimeSpan.Zero, TimeSpan.Zero, p, p));
        var segment = Assert.Single(await store.Transcripts.ForCallAsync(call.Id));
        Assert.Equal((p, p, p), (segment.Speaker, segment.Text, segment.Intent));

        await store.Settings.SetAsync(p, p);
        Assert.Equal(p, await store.Settings.GetAsync(p));
        var entry = await store.Audit.AppendAsync(new AuditEvent(p, AuditAction.Updated, AuditOutcome.Success, p, p, p));
        Assert.Equal((p, p, p, p), (entry.Actor, entry.TargetType, entry.TargetId, entry.Detail));

        // The rest of the database is as it was: every table, the sentinels, an intact audit chain.
        Assert.Equal(tables, (await DatabaseSnapshot.CaptureAsync(test.Database)).Keys.ToList());
        Assert.NotNull(await store.Users.FindByUsernameAsync("sentinel"));
        Assert.Equal("kept", await store.Settings.GetAsync("sentinel"));
        Assert.Equal("Sentinel", Assert.Single(await store.Contacts.PageAsync(sentinelList, 0, 10)).Name);
        Assert.Equal("sentinel", (await store.DoNotCall.FindAsync("13700000000"))!.Reason);
        Assert.NotNull(await store.Calls.FindByUuidAsync("sentinel-call"));
        Assert.True((await store.Audit.VerifyAsync()).IsIntact);
    }
}
