using Huawu.Data.Calls;
using Huawu.Server.Cli;

namespace Huawu.Server.Tests.Cli;

/// <summary><c>huawu callbacks list|done</c> end to end on SQLite: the requests <c>huawu call</c> stores when the robot promised a callback.</summary>
public sealed class CallbacksVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("huawu-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string DataDirectory => Path.Combine(_root, "data");

    private Task<HuawuProcess.Outcome> Huawu(params string[] arguments) => HuawuProcess.RunAsync([.. arguments, "--data", DataDirectory]);

    [Fact]
    public async Task An_operator_lists_the_promised_callbacks_with_the_number_to_dial_and_closes_them_once()
    {
        Assert.Equal("no callbacks to make", (await Huawu("callbacks", "list")).Output.Trim());
        // What 'huawu call' leaves after a conversation that ended "busy" on the day the callee named.
        var setup = DataSetup.Load(null, new DirectoryInfo(DataDirectory), out var errors)!;
        Assert.Empty(errors);
        await setup.WithStoreAsync(async store =>
        {
            await store.Calls.InsertAsync(new NewCallRecord("d4d4d4d4d4d4d4d4", CallDirection.Outbound, DateTimeOffset.UtcNow) { CustomerPhone = "+8613812345678" });
            Assert.True((await store.Callbacks.AddAsync("d4d4d4d4d4d4d4d4", "busy", new DateOnly(2026, 11, 23), new TimeOnly(15, 0))).Succeeded);
            return 0;
        }, CancellationToken.None);

        var listed = await Huawu("callbacks", "list");
        Assert.Equal(0, listed.ExitCode);
        var line = Assert.Single(listed.Output.Trim().Split('\n'));
        Assert.StartsWith("1\t+8613812345678\tbusy\tasked for 2026-11-23 15:00\tpromised ", line, StringComparison.Ordinal);
        Assert.EndsWith("on call d4d4d4d4d4d4d4d4", line, StringComparison.Ordinal);

        Assert.Equal(0, (await Huawu("callbacks", "done", "1")).ExitCode);
        var again = await Huawu("callbacks", "done", "1");
        Assert.Equal((1, "huawu: no open callback request 1"), (again.ExitCode, again.Errors.Trim()));
        Assert.Equal("no callbacks to make", (await Huawu("callbacks", "list")).Output.Trim());
    }
}
