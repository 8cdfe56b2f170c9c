using System.Globalization;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// An event the daemon queued, e.g. <c>Event-type: call-state-changed</c> with <c>Event: LinphoneCallIncomingReceived</c>,
/// <c>From: sip:…</c>, <c>Id: 1</c>, or <c>Event-type: receiving-tone</c> with <c>Tone: 5</c>.
/// </summary>
public sealed record LinphoneEvent(int Index, DateTimeOffset ReceivedAt, string Type, IReadOnlyDictionary<string, string> Fields)
{
    private const string CallStatePrefix = "LinphoneCall";

    /// <summary>
    /// For call-state-changed: liblinphone's state without its prefix ("IncomingReceived", "OutgoingRinging",
    /// "Connected", "StreamsRunning", "End", "Error", "Released"…).
    /// </summary>
    public string? CallState =>
        Type == "call-state-changed" && Fields.TryGetValue("Event", out var state) && state.StartsWith(CallStatePrefix, StringComparison.Ordinal)
            ? state[CallStatePrefix.Length..]
            : null;

    /// <summary>The daemon's id of the call, as <c>answer</c>, <c>terminate</c> and <c>call-status</c> take it.</summary>
    public int? CallId => Fields.TryGetValue("Id", out var id) && int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The call's From address (the caller for an incoming call, linphone itself for an outgoing one).</summary>
    public string? From => Fields.GetValueOrDefault("From");

    /// <summary>For receiving-tone: the DTMF key received (RFC 4733 event or SIP INFO).</summary>
    public char? Tone => Type == "receiving-tone" && Fields.TryGetValue("Tone", out var tone) && tone.Length == 1 ? tone[0] : null;

    public override string ToString() =>
        $"#{Index} {Type} {string.Join(' ', Fields.Where(f => f.Key != "Size").Select(f => f.Key + "=" + f.Value))}";

    /// <summary>The event in a <c>pop-event</c> body, or null when the queue was empty.</summary>
    internal static LinphoneEvent? FromPopped(int index, LinphoneResponse popped)
    {
        string? type = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in LinphoneResponse.FieldsOf(popped.Body))
        {
            if (name == "Event-type") type = value;
            else fields.TryAdd(name, value);
        }
        return type is null ? null : new LinphoneEvent(index, DateTimeOffset.UtcNow, type, fields);
    }
}
