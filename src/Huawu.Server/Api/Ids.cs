using System.Globalization;

namespace Huawu.Server.Api;

/// <summary>Ids as text for audit entries and cursors: invariant digits, whatever the server's culture.</summary>
internal static class Ids
{
    public static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
