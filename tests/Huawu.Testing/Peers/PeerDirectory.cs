namespace Huawu.Testing.Peers;

/// <summary>
/// A private working directory for one peer (its config, logs, recordings, captures) under
/// <c>$TMPDIR/huawu-peers</c>. It is deleted on dispose unless <c>HUAWU_KEEP_PEER_FILES</c> is set, so a failing
/// run can be kept for inspection.
/// </summary>
public sealed class PeerDirectory : IDisposable
{
    private PeerDirectory(string path) => Path = path;

    public string Path { get; }

    public static bool KeepFiles => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HUAWU_KEEP_PEER_FILES"));

    public static PeerDirectory Create(string peerName)
    {
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{peerName}-{Guid.NewGuid().ToString("N")[..8]}";
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "huawu-peers", name);
        Directory.CreateDirectory(path);
        return new PeerDirectory(path);
    }

    /// <summary>A path inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A sub-directory, created if needed.</summary>
    public string Folder(string name) => Directory.CreateDirectory(File(name)).FullName;

    public void Dispose()
    {
        if (KeepFiles) return;
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a peer still holds a file; the OS temp cleaner will take it */ }
        catch (UnauthorizedAccessException) { /* same */ }
    }

    public override string ToString() => Path;
}
