using System.CommandLine;
using Huawu.LoadTests.Runs;

namespace Huawu.LoadTests.Cli;

/// <summary>
/// <c>make load</c>: <c>rate</c> (call setup/teardown rate), <c>echo</c> (concurrent echo calls with RTP), <c>dial</c> (a
/// campaign's sustained dial rate), <c>robot</c> (concurrent parrot conversations) or <c>all</c> (the four, the default).
/// Exit code 0 when every target run was met.
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

        var dial = new LoadOptions.Dial();
        var dialCommand = new Command("dial", "A campaign's sustained dial rate into a SIPp trunk, stepped until it no longer holds (0 failures, one INVITE per attempt).");
        dial.AddTo(dialCommand);
        dialCommand.SetAction((parse, cancellation) => new DialRun(dial.Read(parse), TimeProvider.System).RunAsync(cancellation));

        var robot = new LoadOptions.Robot();
        var robotCommand = new Command("robot", "Concurrent calls to the parrot, each caller speaking every few seconds, stepped until they no longer hold (every turn answered and recognized, p95 ≤ 500 ms, no tick skipped, 0 failures).");
        robot.AddTo(robotCommand);
        robotCommand.SetAction((parse, cancellation) => new RobotRun(robot.Read(parse), TimeProvider.System).RunAsync(cancellation));

        var allCommand = new Command("all", "The rate run, the echo run, the dial run, then the robot run (the default).");
        rate.AddTo(allCommand);
        echo.AddTo(allCommand);
        dial.AddTo(allCommand);
        robot.AddTo(allCommand);
        allCommand.SetAction(async (parse, cancellation) =>
        {
            var rateMissed = await new CallRateRun(rate.Read(parse), TimeProvider.System).RunAsync(cancellation);
            var echoMissed = await new EchoRun(echo.Read(parse), TimeProvider.System).RunAsync(cancellation);
            var dialMissed = await new DialRun(dial.Read(parse), TimeProvider.System).RunAsync(cancellation);
            var robotMissed = await new RobotRun(robot.Read(parse), TimeProvider.System).RunAsync(cancellation);
            return rateMissed | echoMissed | dialMissed | robotMissed;
        });

        var root = new RootCommand("Huawu load runs against a real node (./huawu serve from the Release build); evidence goes to artifacts/load/.")
        {
            rateCommand, echoCommand, dialCommand, robotCommand, allCommand,
        };
        return await root.Parse(args.Length == 0 ? ["all"] : args).InvokeAsync();
    }
}
