using System.Globalization;

namespace Huawu.Testing.Peers.SipTester;

/// <summary>Turns <see cref="SippOptions"/> into SIPp 3.6 arguments.</summary>
public static class SippCommandLine
{
    public const string MessageFile = "messages.log", StatisticsFile = "statistics.csv", ErrorFile = "errors.log";

    /// <summary>The arguments of a run whose traces go into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Build(SippOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var arguments = new List<string>();
        if (options.Remote is not null) arguments.Add(options.Remote);
        if (options.Scenario.FilePath is { } file) arguments.AddRange(["-sf", file]);
        else arguments.AddRange(["-sn", options.Scenario.Name]);
        foreach (var (key, value) in options.Scenario.Keys) arguments.AddRange(["-key", key, value]);
        arguments.AddRange(["-i", options.LocalAddress, "-p", Invariant(options.LocalPort)]);
        if (options.Transport == SippTransport.Tcp) arguments.AddRange(["-t", "t1"]);
        Add(arguments, "-mp", options.MediaPort);
        Add(arguments, "-s", options.Service);
        Add(arguments, "-m", options.MaxCalls);
        Add(arguments, "-r", options.CallRate);
        Add(arguments, "-l", options.ConcurrentCallLimit);
        Add(arguments, "-d", (long?)options.Pause?.TotalMilliseconds);
        Add(arguments, "-au", options.AuthUser);
        Add(arguments, "-ap", options.AuthPassword);
        Add(arguments, "-auth_uri", options.AuthUri);
        if (options.RtpEcho) arguments.Add("-rtp_echo");
        if (options.GlobalTimeout is { } timeout)
        {
            arguments.AddRange(["-timeout", Invariant((long)Math.Ceiling(timeout.TotalSeconds)) + "s", "-timeout_error"]);
        }
        arguments.AddRange([
            "-trace_msg", "-message_file", Path.Combine(directory, MessageFile),
            "-trace_stat", "-stf", Path.Combine(directory, StatisticsFile),
            "-trace_err", "-error_file", Path.Combine(directory, ErrorFile),
            "-nostdin",
        ]);
        arguments.AddRange(options.ExtraArguments);
        return arguments;
    }

    private static void Add(List<string> arguments, string flag, object? value)
    {
        if (value is null) return;
        arguments.AddRange([flag, value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString()!]);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
