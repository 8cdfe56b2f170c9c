namespace Huawu.Server.Calls;

/// <summary>
/// The calls this node has open, in a small file of its data directory (<c>+uuid</c> before a call row is written,
/// <c>-uuid</c> once it is closed), so the next start closes exactly the calls a crash left open — on PostgreSQL other
/// nodes' open calls share the table and must not be touched. Lines reach the operating system at once (a crashed
/// process loses none); the file is rewritten with only the open calls once mostly closed ones fill it.
/// Used by one thread at a time (the call-record writer).
/// </summary>
internal sealed class OpenCallJournal : IDisposable
{
    public const string FileName = "open-calls.journal";
    private const int CompactAfterLines = 10_000;

    private readonly string _path;
    private readonly HashSet<string> _open;
    private FileStream _file;
    private int _lines;

    private OpenCallJournal(string path, IEnumerable<string> open)
    {
        _path = path;
        _open = new HashSet<string>(open, StringComparer.Ordinal);
        _file = Rewrite();
    }

    /// <summary>Calls open now (written, not yet closed).</summary>
    public int OpenCount => _open.Count;

    /// <summary>The calls a journal lists as opened and never closed; none when there is no journal.</summary>
    public static IReadOnlyList<string> ReadOpen(string path)
    {
        if (!File.Exists(path)) return [];
        var open = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            // A crash can cut the last line short: an unknown or partial line is skipped, a cut uuid never matches a call.
            if (line.Length < 2) continue;
            if (line[0] == '+') open.Add(line[1..]);
            else if (line[0] == '-') open.Remove(line[1..]);
        }
        return open;
    }

    /// <summary>Starts a journal at <paramref name="path"/> holding <paramref name="stillOpen"/> (calls not closed yet).</summary>
    public static OpenCallJournal Start(string path, IEnumerable<string> stillOpen) => new(path, stillOpen);

    public void Opened(string callUuid)
    {
        if (_open.Add(callUuid)) Append('+', callUuid);
    }

    public void Closed(string callUuid)
    {
        if (!_open.Remove(callUuid)) return;
        Append('-', callUuid);
        if (_lines >= CompactAfterLines && _lines > 4 * _open.Count)
        {
            _file.Dispose();
            _file = Rewrite();
        }
    }

    public void Dispose() => _file.Dispose();

    private void Append(char mark, string callUuid)
    {
        _file.Write(System.Text.Encoding.UTF8.GetBytes($"{mark}{callUuid}\n"));
        _file.Flush();
        _lines++;
    }

    // Written beside and moved over the journal, so a crash mid-rewrite leaves the old journal or the new one, whole.
    private FileStream Rewrite()
    {
        var fresh = _path + ".new";
        File.WriteAllLines(fresh, _open.Select(uuid => "+" + uuid));
        File.Move(fresh, _path, overwrite: true);
        _lines = _open.Count;
        return new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }
}
