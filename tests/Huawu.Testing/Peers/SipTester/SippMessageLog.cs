using System.Globalization;
using System.Text.RegularExpressions;

namespace Huawu.Testing.Peers.SipTester;

/// <summary>
/// SIPp's message trace (<c>-trace_msg</c>), parsed: every message SIPp itself sent and received, so a test can
/// assert on what reached the peer (or that something never did).
/// </summary>
public sealed partial class SippMessageLog
{
    public SippMessageLog(IReadOnlyList<SippMessage> messages, string text)
    {
        Messages = messages;
        Text = text;
    }

    public IReadOnlyList<SippMessage> Messages { get; }

    /// <summary>The raw trace, for plain text searches.</summary>
    public string Text { get; }

    /// <summary>Requests with <paramref name="method"/>, optionally only those going one way.</summary>
    public IReadOnlyList<SippMessage> Requests(string method, SippDirection? direction = null) =>
        [.. Messages.Where(m => m.IsRequest && m.Method == method && (direction is null || m.Direction == direction))];

    /// <summary>Responses with <paramref name="statusCode"/>, optionally only those going one way.</summary>
    public IReadOnlyList<SippMessage> Responses(int statusCode, SippDirection? direction = null) =>
        [.. Messages.Where(m => !m.IsRequest && m.StatusCode == statusCode && (direction is null || m.Direction == direction))];

    public static SippMessageLog Read(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : new SippMessageLog([], "");

    // Each entry: a line of 47 dashes and a timestamp, "UDP message received [N] bytes :" or
    // "UDP message sent (N bytes):", a blank line, then the message as it was on the wire.
    public static SippMessageLog Parse(string trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var messages = new List<SippMessage>();
        var entries = Separator().Matches(trace);
        for (var i = 0; i < entries.Count; i++)
        {
            var start = entries[i].Index + entries[i].Length;
            var end = i + 1 < entries.Count ? entries[i + 1].Index : trace.Length;
            var entry = trace[start..end];
            var headerEnd = entry.IndexOf("\n\n", StringComparison.Ordinal);
            if (headerEnd < 0) continue;
            var direction = entry[..headerEnd].Contains("received", StringComparison.Ordinal) ? SippDirection.Received : SippDirection.Sent;
            var timestamp = DateTime.ParseExact(entries[i].Groups["time"].Value, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            messages.Add(new SippMessage(timestamp, direction, entry[(headerEnd + 2)..].TrimEnd()));
        }
        return new SippMessageLog(messages, trace);
    }

    public override string ToString() => string.Join('\n', Messages);

    [GeneratedRegex(@"^-{47} (?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6})\n", RegexOptions.Multiline)]
    private static partial Regex Separator();
}
