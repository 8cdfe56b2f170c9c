using System.Net.Sockets;
using System.Text;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// linphone-daemon's command socket (<c>--pipe</c>): a Unix stream socket taking one client, which writes a command
/// line and reads the response. Nothing else is written to it (events wait in a queue for <c>pop-event</c>), and the
/// daemon writes each response with a single write, so one command is in flight at a time and its response is what
/// arrives up to the newline that ends it.
/// </summary>
internal sealed class LinphoneDaemonPipe : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly byte[] _buffer = new byte[64 * 1024];

    private LinphoneDaemonPipe(Socket socket) => _socket = socket;

    /// <summary>Connects, retrying while the daemon has not yet created its socket.</summary>
    public static async Task<LinphoneDaemonPipe> ConnectAsync(string path, Func<bool> daemonExited, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
                return new LinphoneDaemonPipe(socket);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !daemonExited())
            {
                socket.Dispose();
                await Task.Delay(50);
            }
        }
    }

    public async Task<LinphoneResponse> SendAsync(string command, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _oneAtATime.WaitAsync(limit.Token);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(command + "\n"), SocketFlags.None, limit.Token);
            var text = new StringBuilder();
            do
            {
                var read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, limit.Token);
                if (read == 0) throw new IOException($"linphone-daemon closed its socket before answering '{command}'.");
                text.Append(Encoding.UTF8.GetString(_buffer, 0, read));
            }
            while (text[^1] != '\n');
            return LinphoneResponse.Parse(text.ToString());
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"linphone-daemon did not answer '{command}' within {timeout}.");
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _oneAtATime.Dispose();
        return ValueTask.CompletedTask;
    }
}
