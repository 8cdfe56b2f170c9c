using System.Text;

namespace Huawu.Data.Keys;

/// <summary>
/// Reads and writes the key ring. The file is created on first use with mode 0600 and replaced atomically
/// (write a sibling, fsync, rename), so a crash during a rotation leaves either the old or the new ring.
/// </summary>
public static class KeyStore
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Loads the ring; when neither the environment nor the file has one, creates the file.</summary>
    public static KeyRingLoadResult LoadOrCreate(KeySource source, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        if (source.FromEnvironment)
        {
            return KeyFileDocument.TryParse(source.EnvironmentValue!, out var fromEnvironment, out var error)
                ? KeyRingLoadResult.Loaded(fromEnvironment, created: false, [])
                : KeyRingLoadResult.Failed($"{KeySource.EnvironmentVariable}: {error}");
        }
        if (!File.Exists(source.FilePath))
        {
            var ring = KeyRing.Generate(time);
            var saved = Save(source, ring, createOnly: true);
            return saved is null ? KeyRingLoadResult.Loaded(ring, created: true, []) : KeyRingLoadResult.Failed(saved);
        }
        string json;
        try
        {
            json = File.ReadAllText(source.FilePath, Encoding.UTF8);
        }
        catch (IOException e)
        {
            return KeyRingLoadResult.Failed($"{source.FilePath}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return KeyRingLoadResult.Failed($"{source.FilePath}: {e.Message}");
        }
        if (!KeyFileDocument.TryParse(json, out var loaded, out var parseError))
            return KeyRingLoadResult.Failed($"{source.FilePath}: {parseError}");
        return KeyRingLoadResult.Loaded(loaded, created: false, PermissionWarnings(source.FilePath));
    }

    /// <summary>Replaces the key file with <paramref name="ring"/>; returns an error message or null.</summary>
    public static string? Save(KeySource source, KeyRing ring) => Save(source, ring, createOnly: false);

    private static string? Save(KeySource source, KeyRing ring, bool createOnly)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ring);
        if (source.FromEnvironment)
        {
            return $"the keys come from {KeySource.EnvironmentVariable}; Huawu cannot change them there. " +
                   "Update the secret store with the new document instead.";
        }
        var temporary = source.FilePath + ".new";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source.FilePath)!);
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(KeyFileDocument.From(ring).ToJson()));
                stream.Flush(flushToDisk: true);
            }
            if (createOnly && File.Exists(source.FilePath))
            {
                File.Delete(temporary);
                return $"{source.FilePath}: appeared while creating it; start again";
            }
            File.Move(temporary, source.FilePath, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{source.FilePath}: {e.Message}";
        }
    }

    private static string[] PermissionWarnings(string path)
    {
        if (OperatingSystem.IsWindows()) return [];
        var mode = File.GetUnixFileMode(path);
        return (mode & ~(OwnerOnly | UnixFileMode.UserExecute)) == 0
            ? []
            : [$"{path} can be read by other users (mode {Convert.ToString((int)mode, 8)}); run: chmod 600 {path}"];
    }
}
