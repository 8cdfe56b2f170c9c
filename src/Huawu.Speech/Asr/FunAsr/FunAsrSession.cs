using System.Buffers;
using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.FunAsr;

/// <summary>
/// One stream over one WebSocket connection to a FunASR server. The worker connects, sends the opening message and
/// then the audio in FunASR's chunking; a receive loop turns the server's messages into results: streaming text
/// (<c>online</c>, <c>2pass-online</c>) into partials of the current sentence, corrected sentences (<c>2pass-offline</c>)
/// into finals. After <c>{"is_speaking": false}</c> the session waits for the message marked <c>is_final</c>, then closes.
/// </summary>
internal sealed partial class FunAsrSession : QueuedRecognitionSession
{
    private readonly FunAsrRecognizer _engine;
    private readonly RecognitionOptions _options;
    private readonly ClientWebSocket _socket = new();
    private readonly TaskCompletionSource _finalReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly short[] _pending;
    private int _pendingCount;
    private long _samplesSent;
    private Task _receiving = Task.CompletedTask;
    private bool _ending; // set by the worker, read by the receive loop (Volatile)

    // Written by the receive loop only.
    private readonly StringBuilder _sentence = new();
    private TimeSpan _sentenceStart;
    private bool _anyFinal;
    private bool _anyMessage;
    private int _lossRecorded; // 1 once this session's lost connection counted toward the backoff

    public FunAsrSession(FunAsrRecognizer engine, RecognitionOptions options) : base(engine.SampleRate)
    {
        _engine = engine;
        _options = options;
        _pending = new short[engine.SampleRate * FunAsrProtocol.SendIntervalMilliseconds(engine.Options) / 1000];
        Run();
    }

    private FunasrAsrOptions Options => _engine.Options;

    private string Url => Options.Url;

    protected override async Task StartAsync(CancellationToken cancellation)
    {
        if (!_engine.Backoff.MayConnect(out var reason)) throw new SpeechEngineException($"FunASR at {Url} is unavailable: {reason}");
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Options.ConnectTimeoutSeconds), _engine.Time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token))
        {
            try
            {
                await _socket.ConnectAsync(new Uri(Url), linked.Token);
                var start = FunAsrProtocol.StartMessage(Options, $"huawu-{Guid.NewGuid():N}", SampleRate, _options.HotWords);
                await _socket.SendAsync(Encoding.UTF8.GetBytes(start), WebSocketMessageType.Text, endOfMessage: true, linked.Token);
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or OperationCanceledException && !cancellation.IsCancellationRequested)
            {
                var why = timeout.IsCancellationRequested ? $"no connection within {Options.ConnectTimeoutSeconds} s" : e.Message;
                _engine.Backoff.RecordFailure(why);
                throw new SpeechEngineException($"cannot connect to FunASR at {Url}: {why}", e);
            }
        }
        _engine.Backoff.RecordSuccess();
        _receiving = Task.Run(() => ReceiveAsync(cancellation), CancellationToken.None);
    }

    protected override async ValueTask ProcessAsync(ReadOnlyMemory<short> samples, CancellationToken cancellation)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, _pending.Length - _pendingCount);
            samples.Span[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            samples = samples[take..];
            if (_pendingCount == _pending.Length) await SendPendingAsync(cancellation);
        }
    }

    protected override async Task FinishAsync(CancellationToken cancellation)
    {
        await SendPendingAsync(cancellation);
        Volatile.Write(ref _ending, true);
        await SendAsync(Encoding.UTF8.GetBytes(FunAsrProtocol.EndMessage), WebSocketMessageType.Text, cancellation);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Options.FinalTimeoutSeconds), _engine.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        try
        {
            await _finalReceived.Task.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // Some servers (online mode) send nothing more when the last chunk holds no new text: what came is the answer.
            if (!_anyMessage) throw new SpeechEngineException($"FunASR at {Url} sent no result within {Options.FinalTimeoutSeconds} s of the audio's end");
            PublishFinal(_sentence.ToString(), null);
        }
        await CloseAsync();
        await _receiving;
    }

    protected override async ValueTask ReleaseAsync()
    {
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Stopped by the abort above.
        }
        _socket.Dispose();
    }

    private async ValueTask SendPendingAsync(CancellationToken cancellation)
    {
        if (_pendingCount == 0) return;
        var bytes = ArrayPool<byte>.Shared.Rent(_pendingCount * 2);
        try
        {
            for (var i = 0; i < _pendingCount; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), _pending[i]);
            await SendAsync(bytes.AsMemory(0, _pendingCount * 2), WebSocketMessageType.Binary, cancellation);
            Interlocked.Add(ref _samplesSent, _pendingCount);
            _pendingCount = 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type, CancellationToken cancellation)
    {
        try
        {
            await _socket.SendAsync(message, type, endOfMessage: true, cancellation);
        }
        // A socket the receive loop saw die (and aborted) fails a send with "the operation was canceled", not a
        // WebSocketException: that is the same lost connection unless the caller itself cancelled.
        catch (Exception e) when (e is WebSocketException || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            throw Lost(e.Message, e);
        }
    }

    private async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Options.ConnectTimeoutSeconds), _engine.Time);
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The results are in; a server that does not answer the close handshake costs nothing more.
        }
    }

    private SpeechEngineException Lost(string reason, Exception? inner = null)
    {
        // The send path and the receive loop can both see the same loss: it is one failed connection for the backoff.
        if (Interlocked.Exchange(ref _lossRecorded, 1) == 0) _engine.Backoff.RecordFailure(reason);
        var message = $"the connection to FunASR at {Url} was lost before the final result: {reason}";
        return inner is null ? new SpeechEngineException(message) : new SpeechEngineException(message, inner);
    }
}
