using System.Security.Cryptography;

namespace Huawu.Speech.Models;

/// <summary>
/// Installs model packs into the model directory: download (resumable, into <c>.downloads/</c>), SHA-256 check,
/// unpack into a staging directory beside the target, then one rename — so a pack directory either is complete or is
/// not there, whatever happens in between. A pack whose directory exists is left alone.
/// </summary>
public sealed class ModelInstaller
{
    private readonly string _modelDirectory;
    private readonly ModelDownloader _downloader;

    public ModelInstaller(HttpClient http, string modelDirectory, TimeProvider time, IProgress<ModelDownloadProgress>? progress = null,
        TimeSpan? stallTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        _modelDirectory = Path.GetFullPath(modelDirectory);
        _downloader = new ModelDownloader(http, time, stallTimeout ?? TimeSpan.FromSeconds(30), progress);
    }

    /// <summary>A server holding the release assets under the same paths, used instead of GitHub; null: upstream.</summary>
    public Uri? Mirror { get; init; }

    public async Task<ModelPullResult> PullAsync(ModelPack pack, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var target = pack.PathIn(_modelDirectory);
        if (Directory.Exists(target)) return new ModelPullResult(true, $"{pack.Name} is already installed in {target}");
        var downloads = Directory.CreateDirectory(Path.Combine(_modelDirectory, ".downloads")).FullName;
        var part = Path.Combine(downloads, pack.FileName + ".part");
        var url = pack.Url(Mirror);

        if (await _downloader.DownloadAsync(pack, url, part, cancellation) is { } downloadError) return ModelPullResult.Failed(downloadError);
        var actual = await Sha256Async(part, cancellation);
        if (!string.Equals(actual, pack.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(part);
            return ModelPullResult.Failed($"{url}: the download's SHA-256 is {actual}, not {pack.Sha256}; it was discarded " +
                                          "(a damaged transfer, or not the published file)");
        }

        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".staging-{pack.Name}-{Guid.NewGuid():N}");
        try
        {
            if (await UnpackAsync(pack, part, staging, cancellation) is { } unpackError) return ModelPullResult.Failed(unpackError);
            // The one step that makes the pack visible: a rename within the model directory's file system.
            Directory.Move(Path.Combine(staging, pack.ArchiveRoot ?? pack.Name), target);
            File.Delete(part);
            return new ModelPullResult(true, $"{pack.Name} installed in {target}");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task<string?> UnpackAsync(ModelPack pack, string part, string staging, CancellationToken cancellation)
    {
        if (pack.IsArchive) return await ModelArchive.ExtractAsync(part, pack.ArchiveRoot!, staging, cancellation);
        var directory = Directory.CreateDirectory(Path.Combine(staging, pack.Name)).FullName;
        File.Move(part, Path.Combine(directory, pack.FileName));
        return null;
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellation)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellation));
    }
}
