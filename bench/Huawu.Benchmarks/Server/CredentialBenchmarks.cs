using BenchmarkDotNet.Attributes;
using Huawu.Benchmarks.Data;
using Huawu.Data.Accounts;
using Huawu.Data.Storage;
using Huawu.Server.Accounts;
using Huawu.Server.Security;

namespace Huawu.Benchmarks.Server;

/// <summary>What every API request pays before its handler runs: its API token or session cookie checked against the store (SQLite).</summary>
[MemoryDiagnoser]
public class CredentialBenchmarks
{
    private BenchmarkStore _store = null!;
    private CredentialValidator _validator = null!;
    private string _token = "";
    private string _session = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchmarkStore.CreateAsync(DatabaseProvider.Sqlite);
        var user = (await _store.Store.Users.CreateAsync(new NewUser("bench", "Bench", "hash", [Role.Supervisor]))).Value!;
        _token = (await _store.Store.ApiTokens.IssueAsync(user.Id, "bench", DateTimeOffset.UtcNow.AddDays(1))).Value!.Secret;
        _session = (await _store.Store.Sessions.StartAsync(user.Id, DateTimeOffset.UtcNow.AddHours(8))).Value!.Secret;
        _validator = new CredentialValidator(_store.Store, new AccountOptions(), TimeProvider.System);
    }

    [Benchmark]
    public async Task<long> ApiToken() => (await _validator.FromApiTokenAsync(_token, CancellationToken.None))!.UserId;

    [Benchmark]
    public async Task<long> SessionCookie() => (await _validator.FromSessionAsync(_session, CancellationToken.None))!.UserId;

    [Benchmark]
    public int TotpCode() => Totp.Code("12345678901234567890"u8, 1234567);

    [GlobalCleanup]
    public async Task CleanupAsync() => await _store.DisposeAsync();
}
