using Huawu.Server.Security;

namespace Huawu.Server.Api.Health;

/// <summary>
/// What orchestrators probe: <c>/healthz</c>, the process answers; <c>/readyz</c>, every <see cref="IReadinessCheck"/>
/// passes (database open, listeners bound, and whatever else registers one) — 503 with the reasons otherwise.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).Public("liveness probe").WithTags("health");
        app.MapGet("/readyz", ReadyAsync).Public("readiness probe").WithTags("health");
    }

    private static async Task<IResult> ReadyAsync(IEnumerable<IReadinessCheck> checks, CancellationToken cancellation)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            if (await check.ProblemAsync(cancellation) is { } problem) problems[check.Name] = problem;
        }
        return problems.Count == 0
            ? TypedResults.Ok(new { status = "ready" })
            : TypedResults.Json(new { status = "not ready", problems }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
