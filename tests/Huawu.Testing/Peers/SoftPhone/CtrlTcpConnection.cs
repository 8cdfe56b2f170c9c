using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// Baresip's ctrl_tcp protocol: JSON messages framed as netstrings (<c>length:payload,</c>). Commands carry
/// a token that their response echoes; events arrive unsolicited on the same connection.
/// </summary>
internal sealed class CtrlTcpConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Action<JsonElement> _onEvent;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BaresipResponse>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _nextToken;

    private CtrlTcpConnection(TcpClient client, Action<JsonElement> onEvent)
    {
        _client = client;
        _stream = client.GetStream();
        _onEvent = onEvent;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Connects, retrying while baresip is still starting its listener.</summary>
    public static async Task<CtrlTcpConnection> ConnectAsync(int port, Action<JsonElement> onEvent, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var client = new TcpClient(AddressFamily.InterNetwork);
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new CtrlTcpConnection(client, onEvent);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                client.Dispose();
                await Task.Delay(50);
            }
        }
    }

    public async Task<BaresipResponse> SendAsync(string command, string? parameters, TimeSpan timeout)
    {
        var token = "t" + Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture);
        var response = new TaskCompletionSource<BaresipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = response;
        var json = JsonSerializer.SerializeToUtf8Bytes(parameters is null
            ? new Dictionary<string, string> { ["command"] = command, ["token"] = token }
            : new Dictionary<string, string> { ["command"] = command, ["params"] = parameters, ["token"] = token });
        var frame = Encoding.ASCII.GetBytes(json.Length.ToString(CultureInfo.InvariantCulture) + ":").Concat(json).Append((byte)',').ToArray();
        try
        {
            await _sendLock.WaitAsync();
            try { await _stream.WriteAsync(frame); }
            finally { _sendLock.Release(); }
            return await response.Task.WaitAsync(timeout);
        }
        finally
        {
            _pending.TryRemove(token, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try { await _reader; }
        catch (OperationCanceledException) { /* stopping */ }
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var reader = new NetstringReader(_stream);
        try
        {
            while (await reader.ReadAsync(_stop.Token) is { } payload)
            {
                using var document = JsonDocument.Parse(payload);
                var root = document.RootElement;
                if (root.TryGetProperty("response", out _)) Complete(root);
                else if (root.TryGetProperty("event", out _)) _onEvent(root.Clone());
            }
        }
        catch (Exception ended) when (ended is IOException or ObjectDisposedException or OperationCanceledException or JsonException or InvalidDataException)
        {
            // Baresip closed the connection, sent garbage, or we are disposing: nothing more will arrive.
        }
        foreach (var pending in _pending.Values) pending.TrySetException(new IOException("The ctrl_tcp connection to baresip closed."));
    }

    private void Complete(JsonElement root)
    {
        var token = root.TryGetProperty("token", out var t) ? t.GetString() : null;
        if (token is null || !_pending.TryGetValue(token, out var response)) return;
        var ok = root.TryGetProperty("ok", out var o) && o.ValueKind == JsonValueKind.True;
        var data = root.TryGetProperty("data", out var d) ? d.GetString() ?? "" : "";
        response.TrySetResult(new BaresipResponse(ok, data));
    }
}
