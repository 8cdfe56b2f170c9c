using System.Text.Json;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// An event baresip reported over ctrl_tcp, e.g. <c>{"event":true,"class":"call","type":"CALL_ESTABLISHED",
/// "accountaor":…,"direction":"outgoing","peeruri":…,"id":"&lt;Call-ID&gt;","param":…}</c>.
/// </summary>
public sealed record BaresipEvent(
    int Index,
    DateTimeOffset ReceivedAt,
    string Type,
    string? Class,
    string? Direction,
    string? PeerUri,
    string? CallId,
    string? Param,
    string Json)
{
    internal static BaresipEvent Parse(int index, JsonElement root) => new(
        index,
        DateTimeOffset.UtcNow,
        Text(root, "type") ?? "",
        Text(root, "class"),
        Text(root, "direction"),
        Text(root, "peeruri"),
        Text(root, "id"),
        Text(root, "param"),
        root.GetRawText());

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => $"#{Index} {Type} {Direction} {PeerUri} id={CallId} '{Param}'";
}

/// <summary>Baresip's answer to one ctrl_tcp command: whether it succeeded and what it printed.</summary>
public sealed record BaresipResponse(bool Ok, string Data);

/// <summary>The account's registration state, as the last register event reported it.</summary>
public enum BaresipRegistration
{
    None,
    Registering,
    Registered,
    Failed,
    Unregistering,
}
