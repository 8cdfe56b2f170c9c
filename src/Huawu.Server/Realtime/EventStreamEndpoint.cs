using Huawu.Server.Api.Problems;
using Huawu.Server.Security;
using Microsoft.Extensions.Options;

namespace Huawu.Server.Realtime;

/// <summary>
/// <c>GET /api/v1/events</c> (WebSocket, RFC 6455): the live event stream. After the upgrade the server sends
/// <c>{"type":"stream.ready"}</c>, then one JSON text message per event the caller may see, masked by their roles,
/// <c>stream.lagged</c> when the client read too slowly and events were dropped, and <c>stream.pong</c> after every
/// event queued before the client's <c>{"type":"ping"}</c>. The server closes the stream
/// when the credential ends (expiry, sign-out, revocation, changed roles or teams) or the node stops; clients reconnect.
/// </summary>
internal static class EventStreamEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/events", StreamAsync).RequirePermission(Permission.EventsSubscribe).WithTags("events")
            .Produces(StatusCodes.Status101SwitchingProtocols).ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> StreamAsync(HttpContext context, ScopeResolver scopes, RealtimeHub hub, TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IHostApplicationLifetime node)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return ApiProblems.BadRequest("websocket_required", "This endpoint is a WebSocket (RFC 6455): connect with an Upgrade request.");
        var caller = Caller.From(context.User)!;
        // Cookies ride along on cross-site WebSocket handshakes too (no CORS preflight guards them): a cookie-
        // authenticated stream must come from a page of this origin (RFC 6455 §10.2).
        if (caller.Credential == CredentialKind.Session && !SameOrigin(context.Request))
            return ApiProblems.Result(StatusCodes.Status403Forbidden, "cross_origin", "Other origin", "Open the event stream from the console's own origin.");
        var scope = await scopes.ForRequestAsync(context);
        using var subscription = hub.Subscribe(scope);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // The stream lives no longer than the credential that opened it (on the injected clock).
        using var expiry = caller.ExpiresAt is { } expires ? new CancellationTokenSource(Clamp(expires - time.GetUtcNow()), time) : new CancellationTokenSource();
        // A stopping node closes its streams (clients reconnect): an open one would hold the stop until the host's timeout.
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscription.Ended, expiry.Token, node.ApplicationStopping);
        var sender = new EventStreamSender(socket, json.Value.SerializerOptions, scope.View, time);
        await sender.RunAsync(subscription, lifetime.Token);
        return Results.Empty;
    }

    // Host only, not scheme: behind a TLS-terminating proxy the request arrives as http from an https page.
    private static bool SameOrigin(HttpRequest request) =>
        request.Headers.Origin.ToString() is { Length: > 0 } origin
        && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Clamp(TimeSpan left) => left < TimeSpan.Zero ? TimeSpan.Zero : left > TimeSpan.FromDays(30) ? TimeSpan.FromDays(30) : left;
}
