using System.Runtime.Versioning;
using Huawu.Data.Keys;
using Huawu.Testing;

namespace Huawu.Data.Tests.Keys;

[UnsupportedOSPlatform("windows")] // file modes are POSIX
public sealed class KeyStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-keys-").FullName;
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private KeySource FileSource() => new(Path.Combine(_directory, "data", KeySource.DefaultFileName), EnvironmentValue: null);

    [Fact]
    public void The_first_load_creates_an_owner_only_key_file_and_later_loads_read_it_back()
    {
        var source = FileSource();
        var first = KeyStore.LoadOrCreate(source, _time);
        Assert.True(first.Created);
        Assert.Null(first.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(source.FilePath));

        var second = KeyStore.LoadOrCreate(source, _time);
        Assert.False(second.Created);
        Assert.Empty(second.Warnings);
        Assert.Equal(first.Ring!.ActiveKeyId, second.Ring!.ActiveKeyId);
        Assert.Equal(first.Ring.Active.Material, second.Ring.Active.Material);
        Assert.Equal(first.Ring.IndexKey, second.Ring.IndexKey);
        Assert.Equal(first.Ring.AuditKey, second.Ring.AuditKey);
    }

    [Fact]
    public void The_environment_wins_over_the_file_and_nothing_is_written()
    {
        var document = KeyFileDocument.From(KeyRing.Generate(_time)).ToJson();
        var source = FileSource() with { EnvironmentValue = document };
        var loaded = KeyStore.LoadOrCreate(source, _time);
        Assert.NotNull(loaded.Ring);
        Assert.False(loaded.Created);
        Assert.False(File.Exists(source.FilePath));
        Assert.NotNull(KeyStore.Save(source, loaded.Ring.WithNewActiveKey(_time)));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"format": 2}""")]
    [InlineData("""{"format": 1, "active": 1, "data_keys": [{"id": 1, "key": "c2hvcnQ="}], "index_key": "", "audit_key": ""}""")]
    [InlineData("""{"format": 1, "active": 7, "data_keys": [], "index_key": "", "audit_key": ""}""")]
    public void A_damaged_key_file_is_an_error_naming_the_file(string content)
    {
        var source = FileSource();
        Directory.CreateDirectory(Path.GetDirectoryName(source.FilePath)!);
        File.WriteAllText(source.FilePath, content);
        var loaded = KeyStore.LoadOrCreate(source, _time);
        Assert.Null(loaded.Ring);
        Assert.StartsWith(source.FilePath, loaded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_others_can_read_is_loaded_with_a_warning()
    {
        var source = FileSource();
        KeyStore.LoadOrCreate(source, _time);
        File.SetUnixFileMode(source.FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var loaded = KeyStore.LoadOrCreate(source, _time);
        Assert.NotNull(loaded.Ring);
        Assert.Contains(loaded.Warnings, w => w.Contains("chmod 600", StringComparison.Ordinal));
    }

    [Fact]
    public void A_saved_rotation_keeps_old_keys_and_makes_the_new_one_active()
    {
        var source = FileSource();
        var ring = KeyStore.LoadOrCreate(source, _time).Ring!;
        var rotated = ring.WithNewActiveKey(_time);
        Assert.Null(KeyStore.Save(source, rotated));

        var reloaded = KeyStore.LoadOrCreate(source, _time).Ring!;
        Assert.Equal(2u, reloaded.ActiveKeyId);
        Assert.Equal([1u, 2u], reloaded.DataKeys.Select(k => k.Id));
        Assert.Equal(ring.IndexKey, reloaded.IndexKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(source.FilePath));
        Assert.Throws<InvalidOperationException>(() => reloaded.Without(2));
        Assert.Equal([2u], reloaded.Without(1).DataKeys.Select(k => k.Id));
    }
}
