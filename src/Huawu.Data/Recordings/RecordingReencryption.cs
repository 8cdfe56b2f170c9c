namespace Huawu.Data.Recordings;

/// <summary>Rewrites one recording under the key ring's active key: a complete new file, then an atomic rename over the old one.</summary>
internal static class RecordingReencryption
{
    private const string Suffix = ".rekey";

    /// <summary>The key id a recording file is sealed with, or null when its header cannot be read.</summary>
    public static uint? KeyIdOf(string path)
    {
        if (!File.Exists(path)) return null;
        using var file = File.OpenHandle(path);
        var header = new byte[RecordingFileHeader.Length];
        return RandomAccess.Read(file, header, 0) == header.Length && RecordingFileHeader.TryParse(header, out var parsed, out _)
            ? parsed.KeyId
            : null;
    }

    /// <summary>Re-encrypts the file; returns an error message, or null when done (or already under the active key).</summary>
    public static async Task<string?> ReencryptAsync(string path, Keys.KeyRing keys, CancellationToken cancellation)
    {
        var opened = RecordingReadStream.Open(path, keys);
        if (opened.Audio is not RecordingReadStream source) return opened.Error;
        await using (source)
        {
            if (source.Header.KeyId == keys.ActiveKeyId) return null;
            // Leftovers of an interrupted earlier attempt are incomplete copies: start them again.
            File.Delete(path + Suffix);
            File.Delete(path + Suffix + RecordingFileWriter.PartialSuffix);
            await using var target = new RecordingFileWriter(path + Suffix, keys.Active, source.Header.Format, source.Header.ChunkSize, source.Header.FileId);
            var buffer = new byte[source.Header.ChunkSize];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellation)) > 0) target.Write(buffer.AsSpan(0, read));
            await target.CompleteAsync();
        }
        File.Move(path + Suffix, path, overwrite: true);
        return null;
    }
}
