using Huawu.Speech.Models;
using Huawu.Testing;

namespace Huawu.Speech.Tests.Models;

/// <summary>
/// <c>huawu models pull</c>'s machinery against a local release server: verified downloads, resumes by HTTP range
/// requests (RFC 9110 §14), checksum refusals, archives that try to write elsewhere, and an install that is all or nothing.
/// </summary>
public sealed class ModelInstallerTests : IAsyncLifetime, IDisposable
{
    private readonly string _models = Directory.CreateTempSubdirectory("huawu-models-").FullName;
    private readonly HttpClient _http = new();
    private readonly ManualTimeProvider _time = new();
    private readonly TestPack _pack = TestPack.Standard();
    private ReleaseServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ReleaseServer.StartAsync();
        _server.Publish($"asr-models/{TestPack.Root}.tar.bz2", _pack.Archive);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _pack.Dispose();
        Directory.Delete(_models, recursive: true);
    }

    private ModelInstaller Installer(TimeSpan? stallTimeout = null) => new(_http, _models, _time, stallTimeout: stallTimeout) { Mirror = _server.Address };

    private string Installed => Path.Combine(_models, TestPack.Root);

    private string Part => Path.Combine(_models, ".downloads", $"{TestPack.Root}.tar.bz2.part");

    [Fact]
    public async Task A_verified_archive_is_unpacked_into_its_directory_and_nothing_else_is_left()
    {
        var result = await Installer().PullAsync(_pack.Describe(size: _pack.Archive.Length), default);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"test-pack installed in {Installed}", result.Message);
        foreach (var (path, content) in _pack.Files) Assert.Equal(content, File.ReadAllBytes(Path.Combine(_models, path)));
        Assert.False(File.Exists(Part));
        Assert.Equal([".downloads", TestPack.Root], Directory.GetFileSystemEntries(_models).Select(Path.GetFileName).Order());
        Assert.Equal([""], _server.Ranges);
    }

    [Fact]
    public async Task A_download_with_the_wrong_checksum_is_discarded_and_nothing_is_installed()
    {
        var published = new string('0', 64);
        var result = await Installer().PullAsync(_pack.Describe(sha256: published), default);

        Assert.False(result.Succeeded);
        Assert.Equal($"{_server.Address}asr-models/{TestPack.Root}.tar.bz2: the download's SHA-256 is {_pack.Sha256}, not {published}; " +
                     "it was discarded (a damaged transfer, or not the published file)", result.Message);
        Assert.False(Directory.Exists(Installed));
        Assert.False(File.Exists(Part));
    }

    [Fact]
    public async Task A_download_cut_off_midway_is_kept_and_the_next_pull_asks_only_for_the_rest()
    {
        var cut = _pack.Archive.Length / 3;
        _server.CutAfter = cut;

        var first = await Installer().PullAsync(_pack.Describe(), default);

        Assert.False(first.Succeeded);
        // What reached the client before the reset (at most what was sent) is kept, and the message says how much.
        var kept = new FileInfo(Part).Length;
        Assert.InRange(kept, 1, cut);
        Assert.Contains($"the download stopped after {kept:N0} of {_pack.Archive.Length:N0} bytes", first.Message, StringComparison.Ordinal);
        Assert.EndsWith("run the same command again to resume it", first.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Installed));

        var second = await Installer().PullAsync(_pack.Describe(), default);

        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(["", $"bytes={kept}-"], _server.Ranges);
        Assert.Equal(_pack.Archive.Length - kept, _server.BodyBytes.Last());
        Assert.Equal(_pack.Files[$"{TestPack.Root}/model.int8.onnx"], File.ReadAllBytes(Path.Combine(Installed, "model.int8.onnx")));
    }

    [Fact]
    public async Task A_server_that_ignores_the_range_is_read_again_from_the_start()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Part)!);
        File.WriteAllBytes(Part, _pack.Archive[..1000]);
        _server.IgnoreRanges = true;

        var result = await Installer().PullAsync(_pack.Describe(), default);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["bytes=1000-"], _server.Ranges);
        Assert.Equal([(long)_pack.Archive.Length], _server.BodyBytes);
    }

    [Fact]
    public async Task A_finished_download_is_not_fetched_again()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Part)!);
        File.WriteAllBytes(Part, _pack.Archive);

        var withSize = await Installer().PullAsync(_pack.Describe(size: _pack.Archive.Length), default);
        Assert.True(withSize.Succeeded, withSize.Message);
        Assert.Empty(_server.Ranges);

        Directory.Delete(Installed, recursive: true);
        File.WriteAllBytes(Part, _pack.Archive);
        // Without a known size the server is asked for the rest, and says there is none (416).
        var withoutSize = await Installer().PullAsync(_pack.Describe(), default);
        Assert.True(withoutSize.Succeeded, withoutSize.Message);
        Assert.Equal([$"bytes={_pack.Archive.Length}-"], _server.Ranges);
    }

    [Fact]
    public async Task A_stalled_download_gives_up_after_the_stall_timeout_on_the_injected_clock_and_keeps_what_came()
    {
        const int sent = 2 * 64 * 1024;
        _server.StallAfter = sent;
        var stall = TimeSpan.FromSeconds(30);
        var arrived = new ArrivalWatch(sent);
        var installer = new ModelInstaller(_http, _models, _time, arrived, stall) { Mirror = _server.Address };

        var pull = installer.PullAsync(_pack.Describe(), default);
        // Everything the server sends has been read: from here the client can only be waiting for more.
        await arrived.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 500 && !pull.IsCompleted; i++)
        {
            _time.Advance(stall);
            await Task.Delay(10);
        }

        var result = await pull.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result.Succeeded);
        Assert.Contains($"the download stopped after {sent:N0} of {_pack.Archive.Length:N0} bytes (nothing arrived for 30 s)", result.Message, StringComparison.Ordinal);
        Assert.Equal(sent, new FileInfo(Part).Length);
    }

    [Fact]
    public async Task A_missing_asset_is_reported_with_the_servers_answer()
    {
        var missing = _pack.Describe() with { ReleasePath = "asr-models/nothing-here.tar.bz2" };
        var result = await Installer().PullAsync(missing, default);
        Assert.False(result.Succeeded);
        Assert.Equal($"{_server.Address}asr-models/nothing-here.tar.bz2: the server answered 404 Not Found", result.Message);
    }

    [Fact]
    public async Task An_archive_holding_anything_outside_its_directory_is_refused_and_installs_nothing()
    {
        using var sneaky = new TestPack(new Dictionary<string, byte[]>
        {
            [$"{TestPack.Root}/tokens.txt"] = "<blk> 0\n"u8.ToArray(),
            ["bin/evil.sh"] = "#!/bin/sh\n"u8.ToArray(),
        });
        _server.Publish($"asr-models/{TestPack.Root}.tar.bz2", sneaky.Archive);

        var result = await Installer().PullAsync(sneaky.Describe(), default);

        Assert.False(result.Succeeded);
        Assert.Matches($"^{TestPack.Root}.tar.bz2.part holds 'bin/?', outside its directory {TestPack.Root}/: refused$", result.Message);
        Assert.False(Directory.Exists(Installed));
        Assert.False(Directory.Exists(Path.Combine(_models, "bin")));
        Assert.DoesNotContain(Directory.GetDirectories(_models), d => Path.GetFileName(d).StartsWith(".staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_installed_pack_is_left_alone()
    {
        Directory.CreateDirectory(Installed);
        var result = await Installer().PullAsync(_pack.Describe(), default);
        Assert.True(result.Succeeded);
        Assert.Equal($"test-pack is already installed in {Installed}", result.Message);
        Assert.Empty(_server.Ranges);
    }

    [Fact]
    public async Task The_silero_pack_installs_the_real_model_with_its_published_checksum()
    {
        var silero = File.ReadAllBytes(SharedData.PathOf("models/silero-vad/silero_vad.onnx"));
        _server.Publish("asr-models/silero_vad.onnx", silero);

        var result = await Installer().PullAsync(ModelCatalog.Find("silero-vad")!, default);

        Assert.True(result.Succeeded, result.Message);
        // Where speech.vad.silero_model (silero-vad/silero_vad.onnx in the model directory) looks for it.
        Assert.Equal(silero, File.ReadAllBytes(Path.Combine(_models, "silero-vad", "silero_vad.onnx")));
    }

    /// <summary>Progress reports, synchronously (unlike <see cref="Progress{T}"/>), until a byte count is reached.</summary>
    private sealed class ArrivalWatch(long bytes) : IProgress<ModelDownloadProgress>
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Report(ModelDownloadProgress value)
        {
            if (value.Received >= bytes) Reached.TrySetResult();
        }
    }
}
