using Huawu.Server.Security;
using Huawu.Server.Tests.Api.Support;
using Huawu.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Huawu.Server.Tests.Security;

public sealed class PermissionDocumentTests
{
    [Fact]
    public async Task Docs_permissions_md_is_what_the_code_enforces()
    {
        await using var host = await ApiHost.StartAsync();
        var rendered = PermissionDocument.Render(host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints);
        var path = Path.Combine(SharedData.RepositoryRoot, PermissionDocument.RelativePath);
        if (Environment.GetEnvironmentVariable("HUAWU_WRITE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, rendered);
        }
        Assert.True(File.Exists(path), $"{PermissionDocument.RelativePath} is missing: run with HUAWU_WRITE_DOCS=1 to write it");
        Assert.True(rendered == (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n"),
            $"{PermissionDocument.RelativePath} disagrees with the code: run `HUAWU_WRITE_DOCS=1 dotnet test tests/Huawu.Server.Tests --filter PermissionDocument` and review the diff");
    }
}
