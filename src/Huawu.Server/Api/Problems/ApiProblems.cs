using Microsoft.AspNetCore.Mvc;

namespace Huawu.Server.Api.Problems;

/// <summary>
/// Every failure the API answers is an RFC 9457 problem document. Besides the standard members, each carries a
/// stable machine-readable <c>code</c> (the console localizes by it; titles are English).
/// </summary>
internal static class ApiProblems
{
    public const string CodeExtension = "code";

    public static ProblemDetails Create(int status, string code, string title, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions[CodeExtension] = code;
        return problem;
    }

    public static IResult Result(int status, string code, string title, string? detail = null) =>
        TypedResults.Problem(Create(status, code, title, detail));

    public static IResult NotFound(string what) =>
        Result(StatusCodes.Status404NotFound, "not_found", "Not found", $"No {what} with this id, or none you may see.");

    public static IResult Conflict(string code, string detail) => Result(StatusCodes.Status409Conflict, code, "Conflict", detail);

    public static IResult BadRequest(string code, string detail) => Result(StatusCodes.Status400BadRequest, code, "Bad request", detail);

    /// <summary>
    /// Gives problems the framework writes itself (no route: 404, wrong method: 405, unreadable body: 400) a code
    /// too, so every problem a client sees has one.
    /// </summary>
    public static void AddDefaultCode(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ProblemDetails.Extensions.ContainsKey(CodeExtension)) return;
        context.ProblemDetails.Extensions[CodeExtension] = context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status401Unauthorized => "unauthenticated",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            StatusCodes.Status500InternalServerError => "internal_error",
            var status => "http_" + status,
        };
    }

    /// <summary>Writes a problem outside an endpoint (authentication, middleware), through the same problem-details service.</summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
