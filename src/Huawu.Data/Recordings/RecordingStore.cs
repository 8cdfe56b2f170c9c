namespace Huawu.Data.Recordings;

/// <summary>Where recording files live: <c>recordings/yyyy/MM/dd/&lt;file id&gt;.hwra</c> under the data directory.</summary>
internal sealed class RecordingStore(string root)
{
    public const string Extension = ".hwra";

    public string Root { get; } = root;

    public static string RelativePathFor(string fileId, DateTimeOffset startedAt) =>
        Path.Combine(startedAt.UtcDateTime.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            startedAt.UtcDateTime.ToString("MM", System.Globalization.CultureInfo.InvariantCulture),
            startedAt.UtcDateTime.ToString("dd", System.Globalization.CultureInfo.InvariantCulture), fileId + Extension);

    public string FullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        // A stored path that climbs out of the folder is corrupt data, never something to delete or open.
        if (!full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidDataException($"recording path '{relativePath}' leaves the recordings folder");
        return full;
    }

    /// <summary>Deletes a recording's file and any partial file; true when something was there.</summary>
    public bool DeleteFiles(string relativePath)
    {
        var path = FullPath(relativePath);
        var existed = File.Exists(path) || File.Exists(path + RecordingFileWriter.PartialSuffix);
        File.Delete(path);
        File.Delete(path + RecordingFileWriter.PartialSuffix);
        return existed;
    }
}
