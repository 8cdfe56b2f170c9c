using System.Diagnostics;
using System.Text;

namespace Huawu.Testing.Peers;

/// <summary>
/// A real external peer (SIPp, baresip, …) run as a child process for an interop test. Its output is kept so
/// a failing test can show what the peer saw; disposing kills it (and its children) if it is still running.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private PeerProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";

    public string CommandLine { get; private init; } = "";

    /// <summary>Everything the peer wrote to stdout and stderr so far, interleaved as received.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Completes with the exit code when the peer exits.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Raised for each line the peer prints (on a reader thread).</summary>
    public event Action<string>? LineReceived;

    /// <summary>
    /// Starts <paramref name="executable"/>; <paramref name="environment"/> adds to or overrides the test host's
    /// variables (e.g. a private HOME, so the peer reads and writes no file of the user running the tests).
    /// </summary>
    public static PeerProcess Start(
        string executable, IEnumerable<string> arguments, string? workingDirectory = null, bool redirectInput = false,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var peer = new PeerProcess(process)
        {
            Name = Path.GetFileName(executable),
            CommandLine = executable + " " + string.Join(' ', info.ArgumentList),
        };
        process.OutputDataReceived += (_, e) => peer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => peer.Append(e.Data);
        process.Exited += (_, _) => peer._exited.TrySetResult(process.ExitCode);
        if (!process.Start()) throw new InvalidOperationException("Could not start " + peer.CommandLine);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Writes a line to the peer's standard input (for peers driven by typed commands).</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the peer to exit and returns its exit code; fails the test with its output on timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            var code = await _exited.Task.WaitAsync(timeout);
            await _process.WaitForExitAsync(); // drains the redirected output
            return code;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}.\n{Describe()}");
        }
    }

    /// <summary>
    /// Waits until the peer prints a line containing <paramref name="text"/>; fails with its output on timeout
    /// or as soon as it exits without having printed it.
    /// </summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Watch(string line)
        {
            if (line.Contains(text, StringComparison.Ordinal)) seen.TrySetResult();
        }
        LineReceived += Watch;
        try
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return;
            var finished = await Task.WhenAny(seen.Task, _exited.Task).WaitAsync(timeout);
            if (finished == seen.Task) return;
            await _process.WaitForExitAsync(); // drains the redirected output
            if (!Output.Contains(text, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{Name} exited without printing '{text}'.\n{Describe()}");
            }
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not print '{text}' within {timeout}.\n{Describe()}");
        }
        finally
        {
            LineReceived -= Watch;
        }
    }

    /// <summary>The command line and output, for assertion messages.</summary>
    public string Describe() => $"$ {CommandLine}\n{Output}";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (!HasExited)
        {
            try { _process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* exited in between */ }
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        LineReceived?.Invoke(line);
    }
}
