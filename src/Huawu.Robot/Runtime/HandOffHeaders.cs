using System.Buffers;
using Huawu.Robot.Dialogue;

namespace Huawu.Robot.Runtime;

/// <summary>
/// The robot's context on the INVITE that rings an agent's extension, for an IP phone to show or screen-pop: the callee's
/// call (to look up in the API and match the <c>handoff</c> realtime event), the last intent understood and the grade so
/// far. Private extension headers (RFC 3261 §7.3.1: X- names are unregistered, proxies pass them on, phones ignore what
/// they do not know). A value that is not a plain token is left out rather than escaped, so a script's names can never
/// inject header syntax.
/// </summary>
public static class HandOffHeaders
{
    public const string CallId = "X-Huawu-Call-Id";
    public const string Intent = "X-Huawu-Intent";
    public const string Grade = "X-Huawu-Grade";

    // RFC 3261 §25.1 token characters, less the few phones tend to mishandle in a displayed value.
    private static readonly SearchValues<char> Token = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._+");

    /// <summary>The headers for the hand-off of call <paramref name="callId"/> with <paramref name="context"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(string callId, HandOffContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(headers, CallId, callId);
        Add(headers, Intent, context.LastIntent);
        Add(headers, Grade, context.Grade);
        return headers;
    }

    private static void Add(Dictionary<string, string> headers, string name, string? value)
    {
        if (value is { Length: > 0 and <= 64 } && !value.AsSpan().ContainsAnyExcept(Token)) headers[name] = value;
    }
}
