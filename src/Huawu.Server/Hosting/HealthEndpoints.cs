using Huawu.Telephony.Engine;

namespace Huawu.Server.Hosting;

/// <summary>
/// What orchestrators probe: <c>/healthz</c>, the process answers; <c>/readyz</c>, it can take calls (its SIP
/// listeners are bound and telephony runs) — 503 before that and while stopping.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/readyz", (TelephonyEngine engine) => engine.IsReady
            ? Results.Ok(new { status = "ready", sip = engine.SipEndPoints.Select(e => e.ToString()).ToArray() })
            : Results.Json(new { status = "not ready" }, statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}
