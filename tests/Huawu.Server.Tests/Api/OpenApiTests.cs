using System.Net;
using Huawu.Server.Security;
using Huawu.Server.Tests.Api.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Huawu.Server.Tests.Api;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_document_describes_every_api_endpoint_with_its_answers()
    {
        await using var host = await ApiHost.StartAsync();
        var response = await host.Client().GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadAsync();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Huawu API", document.GetProperty("info").GetProperty("title").GetString());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("apiToken").GetProperty("scheme").GetString());
        Assert.Equal("cookie", schemes.GetProperty("session").GetProperty("in").GetString());

        var paths = document.GetProperty("paths");
        var mapped = PermissionDocument.Describe(host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints)
            .Where(e => e.Path.StartsWith("/api/v1/", StringComparison.Ordinal) && e.Path != "/api/v1/openapi.json");
        foreach (var (method, path, _) in mapped)
        {
            // OpenAPI paths drop route constraints: /api/v1/users/{id:long} is /api/v1/users/{id}.
            var openApiPath = path.Replace(":long", "", StringComparison.Ordinal);
            Assert.True(paths.TryGetProperty(openApiPath, out var item), $"{openApiPath} is missing");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {openApiPath} is missing");
            Assert.True(operation.GetProperty("responses").EnumerateObject().Any(), $"{method} {openApiPath} documents no answer");
        }
        var users = paths.GetProperty("/api/v1/users").GetProperty("post").GetProperty("responses");
        Assert.True(users.TryGetProperty("201", out _));
        Assert.True(users.TryGetProperty("400", out _));
    }
}
