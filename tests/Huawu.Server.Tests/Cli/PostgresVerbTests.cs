using Huawu.Testing.Postgres;
using Npgsql;

namespace Huawu.Server.Tests.Cli;

/// <summary>The data verbs against PostgreSQL, chosen by the configuration file's <c>database:</c> section.</summary>
public sealed class PostgresVerbTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("huawu-cli-pg-").FullName;
    private readonly string _database = "huawu_cli_" + Guid.NewGuid().ToString("N")[..12];

    private string Config => Path.Combine(_root, "huawu.yaml");

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(PostgresCluster.Shared.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin)) await create.ExecuteNonQueryAsync();
        await File.WriteAllTextAsync(Config, $"""
            data: {Path.Combine(_root, "data")}
            database:
              provider: postgres
              connection_string: "{PostgresCluster.Shared.ConnectionString(_database)}"
              keys_file: {Path.Combine(_root, "secrets", "huawu.keys")}
            """);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresCluster.Shared.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
        Directory.Delete(_root, recursive: true);
    }

    private Task<HuawuProcess.Outcome> Huawu(string input, params string[] arguments) => HuawuProcess.RunAsync(input, null, [.. arguments, "--config", Config]);

    [Fact]
    public async Task Users_audit_and_backups_work_on_postgres_from_the_configuration_file()
    {
        Assert.Equal(0, (await Huawu("first password\n", "user", "add", "admin", "--role", "admin")).ExitCode);
        Assert.Equal(0, (await Huawu("second password\n", "user", "add", "agent1", "--role", "agent")).ExitCode);
        Assert.True(File.Exists(Path.Combine(_root, "secrets", "huawu.keys")));
        Assert.Contains("ok: 2 audit entries", (await Huawu("", "audit", "verify")).Output, StringComparison.Ordinal);

        var backup = Path.Combine(_root, "backup");
        Assert.Equal(0, (await Huawu("", "backup", backup)).ExitCode);
        Assert.True(File.Exists(Path.Combine(backup, "database.pgdump")));

        await using (var connection = new NpgsqlConnection(PostgresCluster.Shared.ConnectionString(_database)))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand(
                "DROP TRIGGER audit_log_no_change ON audit_log; UPDATE audit_log SET actor = 'someone else' WHERE seq = 1", connection);
            await tamper.ExecuteNonQueryAsync();
        }
        var broken = await Huawu("", "audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("audit log broken at entry 1", broken.Errors, StringComparison.Ordinal);

        Assert.Equal(0, (await Huawu("", "restore", backup)).ExitCode);
        Assert.Contains("ok: 3 audit entries", (await Huawu("", "audit", "verify")).Output, StringComparison.Ordinal);
        Assert.Equal(2, (await Huawu("", "user", "list")).Output.Trim().Split('\n').Length);
    }
}
