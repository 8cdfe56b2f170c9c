using System.Diagnostics;

namespace Huawu.Speech.Models;

/// <summary>
/// Unpacks a pack's <c>.tar.bz2</c> with the system's <c>tar</c> (GNU tar and bzip2 on Debian). The listing is checked
/// first: every entry must lie inside the one directory the pack is known to hold, so an archive cannot write
/// anywhere else (no absolute paths, no <c>..</c>, no second top-level directory).
/// </summary>
internal static class ModelArchive
{
    /// <summary>Null when <paramref name="archive"/> was unpacked into <paramref name="destination"/>; otherwise why not.</summary>
    public static async Task<string?> ExtractAsync(string archive, string root, string destination, CancellationToken cancellation)
    {
        var (listed, listing, listError) = await TarAsync(cancellation, "-tjf", archive);
        if (listed != 0) return $"{Path.GetFileName(archive)} is not a readable .tar.bz2 archive: {listError.Trim()}";
        var entries = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0) return $"{Path.GetFileName(archive)} is empty";
        if (entries.FirstOrDefault(e => !IsInside(e, root)) is { } stray)
        {
            return $"{Path.GetFileName(archive)} holds '{stray}', outside its directory {root}/: refused";
        }
        Directory.CreateDirectory(destination);
        var (extracted, _, extractError) = await TarAsync(cancellation, "-xjf", archive, "-C", destination, "--no-same-owner", "--no-same-permissions");
        return extracted == 0 ? null : $"unpacking {Path.GetFileName(archive)} failed: {extractError.Trim()}";
    }

    private static bool IsInside(string entry, string root)
    {
        var path = entry.StartsWith("./", StringComparison.Ordinal) ? entry[2..] : entry;
        return (path == root || path.StartsWith(root + "/", StringComparison.Ordinal))
               && !path.Split('/').Contains("..");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> TarAsync(CancellationToken cancellation, params string[] arguments)
    {
        var info = new ProcessStartInfo("tar") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("tar did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await errors);
    }
}
