using System.Text.Json;

namespace Huawu.Data.Contacts;

/// <summary>Contact attributes travel as one JSON object, encrypted as a whole.</summary>
internal static class ContactAttributes
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static string? Serialize(IReadOnlyDictionary<string, string>? attributes) =>
        attributes is null || attributes.Count == 0 ? null : JsonSerializer.Serialize(attributes);

    public static IReadOnlyDictionary<string, string> Parse(string? json) =>
        json is null ? None : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? None;
}
