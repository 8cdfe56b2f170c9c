using Dapper;
using Huawu.Data;
using Huawu.Data.Accounts;
using Huawu.Data.Calls;
using Huawu.Data.Contacts;
using Huawu.Data.Recordings;
using Huawu.Data.Transcripts;
using Huawu.Server.Accounts;

namespace Huawu.Server.Tests.Api.Support;

/// <summary>
/// A small contact center: one user per role (each role's user is named after it, e.g. <c>campaign_manager</c>), two
/// teams (A: <c>supervisor</c> and <c>agent</c>; B: <c>supervisor_b</c> and <c>agent_b</c>), a contact list, and calls:
/// <see cref="CurrentCall"/> (the agent's, still going, with events, a leg, a transcript and a recording),
/// <see cref="OtherTeamCall"/> (agent_b's, ended) and <see cref="QueuedCall"/> (waiting in team A's queue).
/// </summary>
internal sealed class ApiWorld
{
    public const string Password = "Password-1234";
    public const string CustomerPhone = "+8613812345678";
    public const string CustomerName = "张伟";
    public const string CustomerIdNumber = "110101199003074514";
    public const string OtherPhone = "+8613900001111";
    public const string ListedPhone = "+8613700002222";
    public const string Trunk = "carrier";
    public const string SpokenText = "我的身份证号是110101199003074514";

    public static readonly string[] RoleUsers = [.. Roles.All.Select(Roles.NameOf)];

    private readonly Dictionary<string, (User User, string Token)> _users = new(StringComparer.Ordinal);

    public long TeamA { get; private set; }

    public long TeamB { get; private set; }

    public long ListId { get; private set; }

    public long CustomerContact { get; private set; }

    public long CurrentCall { get; private set; }

    public long OtherTeamCall { get; private set; }

    public long QueuedCall { get; private set; }

    public long Recording { get; private set; }

    public int RecordingBytes { get; private set; }

    public User User(string username) => _users[username].User;

    public string TokenOf(string username) => _users[username].Token;

    public static async Task<ApiWorld> SeedAsync(DataStore store, IPasswordVerifier passwords, TimeProvider time)
    {
        var world = new ApiWorld();
        var hash = passwords.Hash(Password);
        foreach (var (name, role) in Roles.All.Select(r => (Roles.NameOf(r), r)).Append(("supervisor_b", Role.Supervisor)).Append(("agent_b", Role.Agent)))
        {
            var user = (await store.Users.CreateAsync(new NewUser(name, name.Replace('_', ' '), hash, [role]))).Value!;
            var token = (await store.ApiTokens.IssueAsync(user.Id, "tests", time.GetUtcNow().AddDays(30))).Value!;
            world._users[name] = (user, token.Secret);
        }
        world.TeamA = (await store.Teams.CreateAsync("A")).Value!.Id;
        world.TeamB = (await store.Teams.CreateAsync("B")).Value!.Id;
        await store.Teams.SetMemberAsync(world.TeamA, world.User("supervisor").Id, isSupervisor: true);
        await store.Teams.SetMemberAsync(world.TeamA, world.User("agent").Id, isSupervisor: false);
        await store.Teams.SetMemberAsync(world.TeamB, world.User("supervisor_b").Id, isSupervisor: true);
        await store.Teams.SetMemberAsync(world.TeamB, world.User("agent_b").Id, isSupervisor: false);

        var list = await store.Contacts.CreateListAsync("renewals");
        world.ListId = list.Id;
        world.CustomerContact = (await store.Contacts.AddAsync(list.Id, new NewContact(CustomerPhone, CustomerName, CustomerIdNumber, "prefers mornings",
            new Dictionary<string, string> { ["amount_due"] = "1200" }))).Value!.Id;
        await store.Contacts.AddAsync(list.Id, new NewContact(OtherPhone, "李娜"));
        await store.DoNotCall.AddAsync(ListedPhone, "asked on a call", "seed");

        await using (var connection = await store.Database.OpenAsync(default))
        {
            var queue = await connection.ExecuteScalarAsync<long>("INSERT INTO queues (name, team_id, created_at) VALUES ('sales', @team, 0) RETURNING id",
                new { team = world.TeamA });
            world.QueuedCall = await CallAsync(store, time, null, queue, OtherPhone, ended: false);
        }
        world.CurrentCall = await CallAsync(store, time, world.User("agent").Id, null, CustomerPhone, ended: false);
        world.OtherTeamCall = await CallAsync(store, time, world.User("agent_b").Id, null, OtherPhone, ended: true);
        await store.Calls.AddEventAsync(world.CurrentCall, "answered", "by agent");
        await store.Calls.AddLegAsync(world.CurrentCall, new NewCallLeg("leg-1", "customer", CustomerPhone, time.GetUtcNow()) { Trunk = "carrier" });
        await store.Transcripts.AppendAsync(world.CurrentCall, new NewTranscriptSegment("customer", TimeSpan.Zero, TimeSpan.FromSeconds(2), SpokenText));
        (world.Recording, world.RecordingBytes) = await RecordAsync(store, world.CurrentCall);
        return world;
    }

    private static async Task<long> CallAsync(DataStore store, TimeProvider time, long? agent, long? queue, string phone, bool ended) =>
        (await store.Calls.InsertAsync(new NewCallRecord(Guid.NewGuid().ToString("N"), CallDirection.Inbound, time.GetUtcNow())
        {
            AgentUserId = agent,
            QueueId = queue,
            CustomerPhone = phone,
            Trunk = "carrier",
            EndedAt = ended ? time.GetUtcNow() : null,
            HangupCause = ended ? "normal_clearing" : null,
        })).Value!.Id;

    // One second of a ramp in 16-bit PCM: recognizable bytes, so a range read can be checked against the source.
    private static async Task<(long Id, int Bytes)> RecordAsync(DataStore store, long callId)
    {
        var audio = RecordingAudio();
        await using var writer = (await store.Recordings.StartAsync(callId, RecordingFormat.Pcm16Mono8k)).Value!;
        writer.Write(audio);
        var info = await writer.CompleteAsync();
        return (info.Id, audio.Length);
    }

    public static byte[] RecordingAudio() => [.. Enumerable.Range(0, 16_000).Select(i => (byte)(i * 7))];
}
