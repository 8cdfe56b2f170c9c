namespace Huawu.ContactCenter.Imports;

/// <summary>
/// A file's rows read one at a time, never the whole file in memory: the header row first (<see cref="Headers"/>), then
/// <see cref="TryRead"/> until it returns false.
/// </summary>
public interface IRowSource : IDisposable
{
    IReadOnlyList<string> Headers { get; }

    bool TryRead(out SourceRow row);

    /// <summary>How far through the file reading is, 0 to 1; null when the file does not tell.</summary>
    double? Progress { get; }
}
