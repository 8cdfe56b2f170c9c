namespace Huawu.Speech.Models;

/// <summary>
/// A named upstream model pack: one release asset of sherpa-onnx (a <c>.tar.bz2</c> holding one directory, or a single
/// file), its SHA-256, and where it goes in the model directory.
/// </summary>
/// <param name="Name">What <c>huawu models pull</c> calls it.</param>
/// <param name="ReleasePath">The asset under the release download address, e.g. <c>asr-models/silero_vad.onnx</c>.</param>
/// <param name="Sha256">The asset's SHA-256, lowercase hex: a download that does not match is discarded.</param>
/// <param name="Size">The asset's size in bytes where known (for progress and for noticing a finished download).</param>
/// <param name="InstallPath">Where it ends up, relative to the model directory (a directory).</param>
/// <param name="ArchiveRoot">The one directory the archive holds; null for a single file, installed as <c>InstallPath/FileName</c>.</param>
public sealed record ModelPack(
    string Name,
    string Description,
    string ReleasePath,
    string Sha256,
    long? Size,
    string InstallPath,
    string? ArchiveRoot)
{
    /// <summary>Where sherpa-onnx publishes its models (release tags <c>asr-models</c>, <c>tts-models</c>…).</summary>
    public static readonly Uri ReleaseBase = new("https://github.com/k2-fsa/sherpa-onnx/releases/download/");

    public bool IsArchive => ArchiveRoot is not null;

    /// <summary>The asset's file name (the last part of its release path).</summary>
    public string FileName => ReleasePath[(ReleasePath.LastIndexOf('/') + 1)..];

    /// <summary>Where the pack is (or would be) installed in <paramref name="modelDirectory"/>.</summary>
    public string PathIn(string modelDirectory) => Path.Combine(Path.GetFullPath(modelDirectory), InstallPath);

    /// <summary>
    /// The download address: upstream, or the same release path under <paramref name="mirror"/> (a server that holds
    /// the same files, for sites that cannot reach GitHub).
    /// </summary>
    public Uri Url(Uri? mirror = null)
    {
        var root = mirror ?? ReleaseBase;
        if (!root.AbsoluteUri.EndsWith('/')) root = new Uri(root.AbsoluteUri + "/");
        return new Uri(root, ReleasePath);
    }
}
