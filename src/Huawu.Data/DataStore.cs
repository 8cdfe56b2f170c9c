using System.Data.Common;
using Huawu.Data.Accounts;
using Huawu.Data.Audit;
using Huawu.Data.Callbacks;
using Huawu.Data.Calls;
using Huawu.Data.Campaigns;
using Huawu.Data.Compliance;
using Huawu.Data.Contacts;
using Huawu.Data.Keys;
using Huawu.Data.Migrations;
using Huawu.Data.Protection;
using Huawu.Data.Recordings;
using Huawu.Data.Retention;
using Huawu.Data.Scripts;
using Huawu.Data.Settings;
using Huawu.Data.Storage;
using Huawu.Data.Transcripts;

namespace Huawu.Data;

/// <summary>
/// The records Huawu keeps, on SQLite or PostgreSQL: open it once per process (it migrates the schema), then
/// use its repositories. Personal data is encrypted and blind-indexed inside the repositories; callers see
/// plaintext values and never SQL.
/// </summary>
public sealed class DataStore : IAsyncDisposable
{
    private readonly AuditLog _audit;

    private DataStore(StoreContext context, DataStoreOptions options, int schemaVersion)
    {
        Context = context;
        Options = options;
        SchemaVersion = schemaVersion;
        Users = new UserRepository(context);
        Teams = new TeamRepository(context);
        Agents = new AgentRepository(context);
        ApiTokens = new ApiTokenRepository(context);
        Sessions = new SessionRepository(context);
        SecondFactors = new SecondFactorRepository(context);
        Contacts = new ContactRepository(context);
        DoNotCall = new DoNotCallList(context);
        Consents = new ConsentRepository(context);
        Campaigns = new CampaignRepository(context);
        Attempts = new CallAttemptRepository(context);
        CampaignQueue = new CampaignQueue(context);
        Callbacks = new CallbackRequestRepository(context);
        Gate = new GateLedger(context);
        Calls = new CallRecordRepository(context);
        _audit = new AuditLog(context);
        RecordingFiles = new RecordingStore(options.RecordingsDirectory);
        RecordingRepository = new RecordingRepository(context, RecordingFiles);
        Transcripts = new TranscriptRepository(context);
        Settings = new SettingsRepository(context);
        RetentionPolicies = new RetentionPolicyRepository(context);
        Scripts = new ScriptRepository(context);
    }

    public DataStoreOptions Options { get; }

    public DatabaseProvider Provider => Context.Database.Provider;

    /// <summary>The schema version after migrating.</summary>
    public int SchemaVersion { get; }

    public KeyRing Keys => Context.Cipher.Keys;

    public PhoneNumberNormalizer PhoneNumbers => Context.PhoneNumbers;

    public IUserRepository Users { get; }

    public ITeamRepository Teams { get; }

    /// <summary>Which user is the agent at which extension.</summary>
    public IAgentRepository Agents { get; }

    public IApiTokenRepository ApiTokens { get; }

    public ISessionRepository Sessions { get; }

    public ISecondFactorRepository SecondFactors { get; }

    public IContactRepository Contacts { get; }

    public IDoNotCallList DoNotCall { get; }

    public IConsentRepository Consents { get; }

    public ICampaignRepository Campaigns { get; }

    public ICallAttemptRepository Attempts { get; }

    public ICampaignQueue CampaignQueue { get; }

    /// <summary>Callbacks promised on calls outside campaigns.</summary>
    public ICallbackRequestRepository Callbacks { get; }

    public IGateLedger Gate { get; }

    public ICallRecordRepository Calls { get; }

    public IAuditLog Audit => _audit;

    public IRecordingRepository Recordings => RecordingRepository;

    public ITranscriptRepository Transcripts { get; }

    public ISettingsRepository Settings { get; }

    public IRetentionPolicyRepository RetentionPolicies { get; }

    public IScriptRepository Scripts { get; }

    internal RecordingStore RecordingFiles { get; }

    internal RecordingRepository RecordingRepository { get; }

    internal StoreContext Context { get; }

    internal Database Database => Context.Database;

    /// <summary>Whether the database answers a trivial query now (readiness probes); failures are an answer, not an exception.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellation = default)
    {
        try
        {
            return await Database.ReadAsync(c => c.Scalar<long>("SELECT 1", null, null, cancellation), cancellation) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>Opens the database, creating and migrating it as needed. Expected failures come back as a result.</summary>
    public static async Task<DataStoreOpenResult> OpenAsync(DataStoreOptions options, KeyRing keys, TimeProvider time,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        var problems = DatabaseOptionsValidator.Validate(options.Database).ToList();
        if (problems.Count > 0) return DataStoreOpenResult.Failed(string.Join("; ", problems));
        Database? database = null;
        try
        {
            Directory.CreateDirectory(options.DataDirectory);
            database = options.Database.Provider == DatabaseProvider.Postgres
                ? PostgresDatabase.Open(options.Database.ConnectionString!)
                : await SqliteDatabase.OpenFileAsync(options.Database.ConnectionString, options.DataDirectory, cancellation);
            var migration = await Migrator.MigrateAsync(database, time, cancellation);
            var refusal = migration.Succeeded ? await KeyCheck.VerifyOrRecordAsync(database, keys, time, cancellation) : migration.Error;
            if (refusal is not null)
            {
                await database.DisposeAsync();
                return DataStoreOpenResult.Failed(refusal);
            }
            var context = new StoreContext(database, new PersonalDataCipher(keys), new BlindIndex(keys),
                new PhoneNumberNormalizer(options.Database.DefaultCountryCode), time);
            return DataStoreOpenResult.Opened(new DataStore(context, options, migration.Version));
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            if (database is not null) await database.DisposeAsync();
            return DataStoreOpenResult.Failed($"cannot open the {options.Database.Provider.ToString().ToLowerInvariant()} database: {e.Message}");
        }
    }

    public ValueTask DisposeAsync()
    {
        _audit.Dispose();
        return Database.DisposeAsync();
    }
}
