using System.Runtime.Versioning;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Huawu.Server.Tests.Cli;

/// <summary>The data verbs end to end on SQLite: output on stdout, errors on stderr with exit code 1.</summary>
[UnsupportedOSPlatform("windows")] // file modes are POSIX
public sealed class DataVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("huawu-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string DataDirectory => Path.Combine(_root, "data");

    private Task<HuawuProcess.Outcome> Huawu(params string[] arguments) => HuawuProcess.RunAsync([.. arguments, "--data", DataDirectory]);

    private Task<HuawuProcess.Outcome> AddUserAsync(string name, string password, params string[] roles) =>
        HuawuProcess.RunAsync(password + "\n", null, ["user", "add", name, .. roles.SelectMany(r => new[] { "--role", r }), "--data", DataDirectory]);

    private async Task TamperAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "huawu.db")};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; " + sql);
    }

    [Fact]
    public async Task User_add_reads_the_password_from_standard_input_and_creates_the_key_file_loudly()
    {
        var first = await AddUserAsync("admin", "correct horse battery", "admin");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("created user admin (id 1) with role(s) admin", first.Output, StringComparison.Ordinal);
        Assert.Contains("BACK IT UP NOW", first.Errors, StringComparison.Ordinal);
        var keyFile = Path.Combine(DataDirectory, "huawu.keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.DoesNotContain("correct horse", await File.ReadAllTextAsync(Path.Combine(DataDirectory, "huawu.db")), StringComparison.Ordinal);

        var second = await AddUserAsync("Li.Na", "another long one", "supervisor", "quality_auditor");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("", second.Errors); // the key file exists now: no second note

        var listed = await Huawu("user", "list");
        Assert.Equal(["1\tadmin\tadmin", "2\tli.na\tsupervisor,quality_auditor"], listed.Output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("admin", "long enough pw", "admin", "username 'admin' is taken")]
    [InlineData("bob", "short", "agent", "at least 8 characters")]
    [InlineData("bob", "long enough pw", "root", "--role: 'root' is not one of")]
    [InlineData("bad name", "long enough pw", "agent", "username: 1-64 letters")]
    public async Task User_add_refusals_go_to_standard_error_with_exit_code_1(string name, string password, string role, string message)
    {
        Assert.Equal(0, (await AddUserAsync("admin", "first password", "admin")).ExitCode);
        var refused = await AddUserAsync(name, password, role);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(message, refused.Errors, StringComparison.Ordinal);
        Assert.Equal("", refused.Output);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET detail = 'roles: admin' WHERE seq = 2", "entry 2 was altered")]
    [InlineData("DELETE FROM audit_log WHERE seq = 2", "entry 2 is missing")]
    [InlineData("UPDATE audit_log SET seq = 9 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 9",
        "audit log broken at entry 2")]
    public async Task Audit_verify_fails_naming_the_first_bad_entry(string tampering, string message)
    {
        foreach (var name in new[] { "one", "two", "three", "four" }) await AddUserAsync(name, "password " + name, "agent");
        var intact = await Huawu("audit", "verify");
        Assert.Equal((0, "ok: 4 audit entries, chain intact\n"), (intact.ExitCode, intact.Output));

        await TamperAsync(tampering);
        var broken = await Huawu("audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains(message, broken.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_prints_what_it_removed_and_refuses_what_is_not_a_number()
    {
        var erased = await Huawu("erase", "--phone", "+86 138-1234-5678");
        Assert.Equal(0, erased.ExitCode);
        Assert.Contains("contacts deleted: 0", erased.Output, StringComparison.Ordinal);
        Assert.Contains("added to the do-not-call list", erased.Output, StringComparison.Ordinal);
        Assert.Contains("already on the do-not-call list", (await Huawu("erase", "--phone", "13812345678")).Output, StringComparison.Ordinal);

        var refused = await Huawu("erase", "--phone", "Zhang Wei");
        Assert.Equal((1, ""), (refused.ExitCode, refused.Output));
        Assert.Contains("not a phone number", refused.Errors, StringComparison.Ordinal);
        Assert.Contains("ok: 2 audit entries", (await Huawu("audit", "verify")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_and_restore_round_trip_and_a_damaged_backup_is_refused()
    {
        await AddUserAsync("admin", "first password", "admin");
        var backupDirectory = Path.Combine(_root, "backup");
        var backup = await Huawu("backup", backupDirectory);
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("the data keys are NOT in the backup", backup.Output, StringComparison.Ordinal);
        await AddUserAsync("later", "second password", "agent");

        var restored = await Huawu("restore", backupDirectory);
        Assert.Equal(0, restored.ExitCode);
        Assert.Equal("1\tadmin\tadmin", (await Huawu("user", "list")).Output.Trim());
        // The backup's own entry came after its snapshot: the restored log has "created", then "restored".
        Assert.Contains("ok: 2 audit entries", (await Huawu("audit", "verify")).Output, StringComparison.Ordinal);

        var database = Path.Combine(backupDirectory, "database.sqlite");
        var bytes = await File.ReadAllBytesAsync(database);
        bytes[^1] ^= 1;
        await File.WriteAllBytesAsync(database, bytes);
        var refused = await Huawu("restore", backupDirectory);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not restored: database.sqlite: its checksum does not match", refused.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_rotate_then_retire_the_old_key_and_refuse_to_retire_the_active_one()
    {
        await Huawu("erase", "--phone", "13812345678");
        var rotated = await Huawu("keys", "rotate");
        Assert.Equal(0, rotated.ExitCode);
        Assert.Contains("added data key 2", rotated.Output, StringComparison.Ordinal);
        Assert.Contains("key 1: retirable", (await Huawu("keys", "status")).Output, StringComparison.Ordinal);
        Assert.Equal(0, (await Huawu("keys", "retire", "1")).ExitCode);
        var active = await Huawu("keys", "retire", "2");
        Assert.Equal(1, active.ExitCode);
        Assert.Contains("active key", active.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_from_the_environment_cannot_be_rotated_by_huawu()
    {
        var document = File.ReadAllText(await KeyFileAsync());
        var rotated = await HuawuProcess.RunAsync("", new Dictionary<string, string> { ["HUAWU_KEYS"] = document }, "keys", "rotate", "--data", DataDirectory);
        Assert.Equal(1, rotated.ExitCode);
        Assert.Contains("come from HUAWU_KEYS", rotated.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_is_set_shown_and_purged()
    {
        Assert.Equal(0, (await Huawu("retention", "set", "recordings", "30")).ExitCode);
        Assert.Contains("recordings: 30 days", (await Huawu("retention", "show")).Output, StringComparison.Ordinal);
        Assert.Contains("purged: recordings=0", (await Huawu("retention", "purge")).Output, StringComparison.Ordinal);
        var refused = await Huawu("retention", "set", "everything", "1");
        Assert.Equal(1, refused.ExitCode);
    }

    [Theory]
    [InlineData("user", "add")]
    [InlineData("user", "list")]
    [InlineData("keys", "rotate")]
    [InlineData("keys", "status")]
    [InlineData("keys", "retire")]
    [InlineData("audit", "verify")]
    [InlineData("erase")]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("retention", "set")]
    public async Task Every_data_verb_explains_itself_and_takes_data_and_config(params string[] verb)
    {
        var help = await HuawuProcess.RunAsync([.. verb, "--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--data", help.Output, StringComparison.Ordinal);
        Assert.Contains("--config", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_section_without_a_connection_string_is_a_configuration_error()
    {
        var config = Path.Combine(_root, "huawu.yaml");
        await File.WriteAllTextAsync(config, "database:\n  provider: postgres\n");
        var refused = await HuawuProcess.RunAsync("audit", "verify", "--config", config, "--data", DataDirectory);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("database.connection_string: required for provider postgres", refused.Errors, StringComparison.Ordinal);
    }

    private async Task<string> KeyFileAsync()
    {
        await Huawu("audit", "verify");
        return Path.Combine(DataDirectory, "huawu.keys");
    }
}
