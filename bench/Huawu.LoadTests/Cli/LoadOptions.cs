using System.CommandLine;
using System.Globalization;
using Huawu.LoadTests.Runs;

namespace Huawu.LoadTests.Cli;

/// <summary>The command-line options of the runs, with the defaults the targets are measured with.</summary>
internal static class LoadOptions
{
    public sealed class Rate
    {
        private readonly Option<string> _rates = new("--rates") { Description = "Call rates to try in turn, calls/s; stops at the first that does not hold.", DefaultValueFactory = _ => "200,400,600,700,800" };
        private readonly Option<double> _duration = new("--rate-duration") { Description = "Seconds of calls per rate.", DefaultValueFactory = _ => 60 };
        private readonly Option<double> _hold = new("--hold") { Description = "Seconds each call is held before SIPp hangs up.", DefaultValueFactory = _ => 1 };
        private readonly Option<int> _target = new("--target-rate") { Description = "The rate that must hold (issue 2: 200).", DefaultValueFactory = _ => 200 };
        private readonly Option<string> _service = new("--service") { Description = "The extension called.", DefaultValueFactory = _ => "echo" };

        public void AddTo(Command command)
        {
            ArgumentNullException.ThrowIfNull(command);
            foreach (var option in new Option[] { _rates, _duration, _hold, _target, _service }) command.Options.Add(option);
        }

        public CallRateOptions Read(ParseResult parse)
        {
            ArgumentNullException.ThrowIfNull(parse);
            return new CallRateOptions(
                Integers(parse.GetValue(_rates)!),
                TimeSpan.FromSeconds(parse.GetValue(_duration)),
                TimeSpan.FromSeconds(parse.GetValue(_hold)),
                parse.GetValue(_target),
                parse.GetValue(_service)!);
        }
    }

    public sealed class Echo
    {
        private readonly Option<string> _calls = new("--calls") { Description = "Concurrent call counts to try in turn; stops at the first that does not hold.", DefaultValueFactory = _ => "500" };
        private readonly Option<double> _setupRate = new("--setup-rate") { Description = "Calls set up per second while ramping up.", DefaultValueFactory = _ => 50 };
        private readonly Option<double> _duration = new("--echo-duration") { Description = "Seconds all calls are held together (the measurement window).", DefaultValueFactory = _ => 60 };
        private readonly Option<int> _capture = new("--capture-calls") { Description = "Calls captured and checked packet by packet (the first set up); 0 for none.", DefaultValueFactory = _ => 50 };
        private readonly Option<int> _target = new("--target-calls") { Description = "The call count that must hold (issue 2: 500).", DefaultValueFactory = _ => 500 };
        private readonly Option<int?> _threadTasks = new("--rtp-threadtasks") { Description = "SIPp rtp_stream tasks per thread (SIPp's default: 20)." };
        private readonly Option<bool> _keepCapture = new("--keep-capture") { Description = "Keep the capture files in the run directory." };

        public void AddTo(Command command)
        {
            ArgumentNullException.ThrowIfNull(command);
            foreach (var option in new Option[] { _calls, _setupRate, _duration, _capture, _target, _threadTasks, _keepCapture }) command.Options.Add(option);
        }

        public EchoOptions Read(ParseResult parse)
        {
            ArgumentNullException.ThrowIfNull(parse);
            return new EchoOptions(
                Integers(parse.GetValue(_calls)!),
                parse.GetValue(_setupRate),
                TimeSpan.FromSeconds(parse.GetValue(_duration)),
                parse.GetValue(_capture),
                parse.GetValue(_target),
                parse.GetValue(_threadTasks),
                parse.GetValue(_keepCapture));
        }
    }

    public sealed class Dial
    {
        private readonly Option<string> _rates = new("--dial-rates") { Description = "Campaign dial rates to try in turn, calls/s; stops at the first that does not hold.", DefaultValueFactory = _ => "20,50,100,200,300" };
        private readonly Option<double> _duration = new("--dial-duration") { Description = "Seconds of contacts per rate (the campaign has rate × this many numbers).", DefaultValueFactory = _ => 20 };
        private readonly Option<double> _hold = new("--dial-hold") { Description = "Seconds of prompt the node plays to each answered call before it hangs up.", DefaultValueFactory = _ => 1 };
        private readonly Option<int> _target = new("--dial-target-rate") { Description = "The dial rate that must hold (one trunk's highest allowed rate: 200).", DefaultValueFactory = _ => 200 };

        public void AddTo(Command command)
        {
            ArgumentNullException.ThrowIfNull(command);
            foreach (var option in new Option[] { _rates, _duration, _hold, _target }) command.Options.Add(option);
        }

        public DialOptions Read(ParseResult parse)
        {
            ArgumentNullException.ThrowIfNull(parse);
            return new DialOptions(
                Integers(parse.GetValue(_rates)!),
                TimeSpan.FromSeconds(parse.GetValue(_duration)),
                TimeSpan.FromSeconds(parse.GetValue(_hold)),
                parse.GetValue(_target));
        }
    }

    public sealed class Robot
    {
        private readonly Option<string> _calls = new("--robot-calls") { Description = "Concurrent parrot call counts to try in turn; stops at the first that does not hold.", DefaultValueFactory = _ => "10,25,50,100,150,200" };
        private readonly Option<double> _setupRate = new("--robot-setup-rate") { Description = "Calls set up per second while ramping up (each loads a recognizer: 10/s overloads 2 cores, docs/performance.md).", DefaultValueFactory = _ => 3 };
        private readonly Option<double> _duration = new("--robot-duration") { Description = "Seconds each caller keeps speaking (after a 2 s greeting).", DefaultValueFactory = _ => 90 };
        private readonly Option<double> _period = new("--robot-period") { Description = "Seconds from one utterance's start to the next (the reply fits between).", DefaultValueFactory = _ => 5 };
        private readonly Option<string> _prompt = new("--robot-prompt") { Description = "The Asterisk prompt each caller says (/usr/share/asterisk/sounds/en/<name>.wav), a phrase of the parrot's grammar.", DefaultValueFactory = _ => "hello-world" };
        private readonly Option<int> _capture = new("--robot-capture-calls") { Description = "Calls captured for the node's media clock (the first set up); 0 for none.", DefaultValueFactory = _ => 25 };
        private readonly Option<bool> _keepCapture = new("--robot-keep-capture") { Description = "Keep the capture files in the run directory." };

        public void AddTo(Command command)
        {
            ArgumentNullException.ThrowIfNull(command);
            foreach (var option in new Option[] { _calls, _setupRate, _duration, _period, _prompt, _capture, _keepCapture }) command.Options.Add(option);
        }

        public RobotOptions Read(ParseResult parse)
        {
            ArgumentNullException.ThrowIfNull(parse);
            return new RobotOptions(
                Integers(parse.GetValue(_calls)!),
                parse.GetValue(_setupRate),
                TimeSpan.FromSeconds(parse.GetValue(_duration)),
                TimeSpan.FromSeconds(parse.GetValue(_period)),
                parse.GetValue(_prompt)!,
                parse.GetValue(_capture),
                parse.GetValue(_keepCapture));
        }
    }

    private static int[] Integers(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
}
