using System.Security.Cryptography;

namespace Huawu.Data.Backups;

/// <summary>File work shared by taking and restoring backups: listing, hashing, copying trees.</summary>
internal static class BackupFolder
{
    public static async Task<BackupFile> DescribeAsync(string root, string fullPath, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(fullPath);
        var hash = await SHA256.HashDataAsync(stream, cancellation);
        return new BackupFile(Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/'), stream.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>A manifest path resolved inside <paramref name="root"/>, or null when it would point outside it.</summary>
    public static string? Resolve(string root, string relative)
    {
        if (string.IsNullOrEmpty(relative) || Path.IsPathRooted(relative) || relative.Split('/').Any(part => part is "" or "." or "..")) return null;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    public static IEnumerable<string> FilesUnder(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories) : [];

    /// <summary>Copies a tree of files; a file that disappears meanwhile (purged) is skipped.</summary>
    public static void CopyTree(string source, string destination, Func<string, bool> include)
    {
        foreach (var file in FilesUnder(source).Where(include))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Copy(file, target);
            }
            catch (FileNotFoundException)
            {
                // Deleted by retention or erasure after the listing: it is not part of the snapshot either way.
            }
        }
    }
}
