using Microsoft.AspNetCore.OpenApi;

namespace Huawu.Server.Api;

/// <summary>The OpenAPI description of <c>/api/v1</c>, served at <c>/api/v1/openapi.json</c>.</summary>
internal static class OpenApiDocument
{
    public const string Path = "/api/v1/openapi.json";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new Microsoft.OpenApi.OpenApiInfo
            {
                Title = "Huawu API",
                Version = "v1",
                Description = "Huawu (话务) contact center. Sign in at POST /api/v1/session (cookie; send X-CSRF-Token on changes) or use an "
                    + "API token (Authorization: Bearer hwt_...). Errors are RFC 9457 problem documents with a stable 'code'. Lists take "
                    + "?limit=&cursor= and answer {items, next}. Every endpoint's permission is in docs/permissions.md.",
            };
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>
            {
                ["apiToken"] = new Microsoft.OpenApi.OpenApiSecurityScheme
                {
                    Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API token (hwt_...) from POST /api/v1/tokens.",
                },
                ["session"] = new Microsoft.OpenApi.OpenApiSecurityScheme
                {
                    Type = Microsoft.OpenApi.SecuritySchemeType.ApiKey,
                    In = Microsoft.OpenApi.ParameterLocation.Cookie,
                    Name = "__Host-huawu_session",
                    Description = "The console's session cookie from POST /api/v1/session (huawu_session when secure_cookies is off); changes also need the X-CSRF-Token header.",
                },
            };
            return Task.CompletedTask;
        });
    }
}
