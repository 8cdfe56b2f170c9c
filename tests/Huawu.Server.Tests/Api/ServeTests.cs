using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Huawu.Server.Tests.Cli;
using Huawu.Testing.Peers;

namespace Huawu.Server.Tests.Api;

/// <summary><c>huawu serve</c> as an operator runs it: the real process on 127.0.0.1, its store opened from --data.</summary>
public sealed class ServeTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("huawu-serve-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Serve_opens_the_store_becomes_ready_serves_the_api_and_stops_cleanly_on_sigterm()
    {
        Assert.Equal(0, (await HuawuProcess.RunAsync("correct horse battery\n", null, ["user", "add", "root", "--role", "admin", "--data", _data])).ExitCode);
        var port = FreePorts.Next();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "huawu.dll"), "serve", "--data", _data, "--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--sip-port", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--rtp-ports", RtpPorts() })
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment.Remove("HUAWU_KEYS");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            if (!await WaitReadyAsync(http, process)) Assert.Fail("not ready: " + await Drained(process, errors));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/users")).StatusCode);

            var signIn = await http.PostAsJsonAsync("/api/v1/session", new { username = "root", password = "correct horse battery" });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            var csrf = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("csrfToken").GetString()!;
            var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/teams") { Content = JsonContent.Create(new { name = "night shift" }) };
            create.Headers.Add("Cookie", cookie);
            create.Headers.Add("X-CSRF-Token", csrf);
            Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(create)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/openapi.json")).StatusCode);
        }
        finally
        {
            if (!process.HasExited) Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }
        Assert.True(process.ExitCode == 0, await errors);
        Assert.Contains("Now listening on: http://127.0.0.1:", await output, StringComparison.Ordinal);
        var audit = await HuawuProcess.RunAsync("audit", "verify", "--data", _data);
        Assert.Equal(0, audit.ExitCode);
    }

    private static string RtpPorts()
    {
        var first = FreePorts.Range(20);
        return $"{first}-{first + 19}";
    }

    private static async Task<bool> WaitReadyAsync(HttpClient http, Process process)
    {
        for (var attempt = 0; attempt < 300 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        return false;
    }

    private static async Task<string> Drained(Process process, Task<string> errors)
    {
        if (!process.HasExited) process.Kill();
        return await errors;
    }
}
