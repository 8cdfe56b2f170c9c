using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Dialogs;

/// <summary>
/// A dialog's route set (RFC 3261 §12.1.1, §12.1.2) and how a request in the dialog follows it (§12.2.1.1): with a
/// loose router first, the Request-URI is the remote target and every route becomes a Route header; with a strict
/// router (no lr, RFC 2543), its URI becomes the Request-URI and the remote target the last Route.
/// </summary>
internal static class DialogRoutes
{
    /// <summary>The UAS's route set: the request's Record-Route values in order (§12.1.1).</summary>
    public static IReadOnlyList<string> FromRequest(SipMessage request) => [.. request.RecordRoutes.Select(r => r.ToString())];

    /// <summary>The UAC's route set: the response's Record-Route values in reverse order (§12.1.2).</summary>
    public static IReadOnlyList<string> FromResponse(SipMessage response) => [.. response.RecordRoutes.Select(r => r.ToString()).Reverse()];

    /// <summary>The Request-URI and Route values of a request sent in the dialog.</summary>
    public static (string RequestUri, IReadOnlyList<string> Routes) Apply(string remoteTarget, IReadOnlyList<string> routeSet)
    {
        if (routeSet.Count == 0) return (remoteTarget, []);
        if (!NameAddress.TryParse(routeSet[0], out var first) || first.Uri.IsLooseRouter) return (remoteTarget, routeSet);
        // §12.2.1.1: the strict router's URI, "with any URI parameters not allowed in the Request-URI" (its headers)
        // removed, becomes the Request-URI; the remote target goes last.
        var strictUri = WithoutHeaders(first.Uri);
        return (strictUri, [.. routeSet.Skip(1), "<" + remoteTarget + ">"]);
    }

    /// <summary>
    /// The strict router a request must be sent to, when the route set starts with one (RFC 3261 §8.1.2: the
    /// request then goes to its Request-URI, not to its first Route); null with loose routing.
    /// </summary>
    public static string? StrictRouter(IReadOnlyList<string> routeSet) =>
        routeSet.Count > 0 && NameAddress.TryParse(routeSet[0], out var first) && !first.Uri.IsLooseRouter ? WithoutHeaders(first.Uri) : null;

    private static string WithoutHeaders(SipUri uri)
    {
        var text = uri.ToString();
        var question = text.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? text : text[..question];
    }
}
