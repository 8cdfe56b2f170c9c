using System.CommandLine;
using Huawu.LoadTests.Runs;

namespace Huawu.LoadTests.Cli;

/// <summary>
/// <c>make load</c>: <c>rate</c> (call setup/teardown rate), <c>echo</c> (concurrent echo calls with RTP) or
/// <c>all</c> (both, the default). Exit code 0 when every target run was met.
/// </summary>
internal static class LoadCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = new LoadOptions.Rate();
        var echo = new LoadOptions.Echo();
        var rateCommand = new Command("rate", "SIPp call setup and teardown rate against a fresh node per step (target ≥ 200 calls/s, 0 failures).");
        rate.AddTo(rateCommand);
        rateCommand.SetAction((parse, cancellation) => new CallRateRun(rate.Read(parse), TimeProvider.System).RunAsync(cancellation));

        var echoCommand = new Command("echo", "Concurrent echo calls with 20 ms PCMU both ways (target ≥ 500 calls, no loss).");
        echo.AddTo(echoCommand);
        echoCommand.SetAction((parse, cancellation) => new EchoRun(echo.Read(parse), TimeProvider.System).RunAsync(cancellation));

        var allCommand = new Command("all", "The rate run, then the echo run (the default).");
        rate.AddTo(allCommand);
        echo.AddTo(allCommand);
        allCommand.SetAction(async (parse, cancellation) =>
        {
            var rateMissed = await new CallRateRun(rate.Read(parse), TimeProvider.System).RunAsync(cancellation);
            var echoMissed = await new EchoRun(echo.Read(parse), TimeProvider.System).RunAsync(cancellation);
            return rateMissed | echoMissed;
        });

        var root = new RootCommand("Huawu load runs against a real node (./huawu serve from the Release build); evidence goes to artifacts/load/.")
        {
            rateCommand, echoCommand, allCommand,
        };
        return await root.Parse(args.Length == 0 ? ["all"] : args).InvokeAsync();
    }
}
