using System.Globalization;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// The daemon's answer to one command: <c>Status: Ok|Error</c>, an optional <c>Reason: …</c>, then after a blank line
/// a body of <c>Name: value</c> lines (e.g. <c>Id: 1</c>, <c>State: LinphoneRegistrationOk</c>).
/// </summary>
public sealed record LinphoneResponse(bool Ok, string? Reason, string Body)
{
    /// <summary>The value of the first body line named <paramref name="name"/>, if any.</summary>
    public string? Field(string name) => FieldsOf(Body).FirstOrDefault(f => f.Name == name).Value;

    /// <summary>The first body line named <paramref name="name"/> as a number, if present and numeric.</summary>
    public int? Number(string name) =>
        int.TryParse(Field(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public override string ToString() => Ok ? "Ok " + Body.Trim() : "Error: " + Reason;

    internal static LinphoneResponse Parse(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var ok = lines[0].Trim() == "Status: Ok";
        var reason = lines.Length > 1 && lines[1].StartsWith("Reason: ", StringComparison.Ordinal) ? lines[1]["Reason: ".Length..] : null;
        var blank = Array.IndexOf(lines, "");
        var body = blank < 0 ? "" : string.Join('\n', lines[(blank + 1)..]);
        return new LinphoneResponse(ok, reason, body);
    }

    /// <summary>The <c>Name: value</c> lines of a body, in order; other lines are skipped.</summary>
    internal static IEnumerable<(string Name, string Value)> FieldsOf(string body)
    {
        foreach (var line in body.Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0) yield return (line[..colon], line[(colon + 2)..].TrimEnd());
        }
    }
}
