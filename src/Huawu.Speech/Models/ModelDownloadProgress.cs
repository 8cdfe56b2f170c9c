namespace Huawu.Speech.Models;

/// <summary>Bytes of a pack's asset on disk so far, of <see cref="Total"/> when the server or the catalog says.</summary>
public readonly record struct ModelDownloadProgress(string Pack, long Received, long? Total);
