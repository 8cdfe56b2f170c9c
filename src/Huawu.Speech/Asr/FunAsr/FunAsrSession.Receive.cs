using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace Huawu.Speech.Asr.FunAsr;

internal sealed partial class FunAsrSession
{
    private const int MaxMessageBytes = 1 << 20;

    private async Task ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                message.Clear();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(), cancellation);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        Fail(Lost($"the server closed it ({_socket.CloseStatus} {_socket.CloseStatusDescription})".TrimEnd()));
                        return;
                    }
                    if (message.WrittenCount + received.Count > MaxMessageBytes)
                    {
                        Fail(new SpeechEngineException($"FunASR at {Url} sent a message over {MaxMessageBytes} bytes"));
                        return;
                    }
                    message.Write(buffer.AsSpan(0, received.Count));
                }
                while (!received.EndOfMessage);
                if (received.MessageType != WebSocketMessageType.Text) continue;
                if (!FunAsrProtocol.TryParse(message.WrittenSpan, out var result, out var error))
                {
                    var text = Encoding.UTF8.GetString(message.WrittenSpan[..Math.Min(200, message.WrittenCount)]);
                    Fail(new SpeechEngineException($"FunASR at {Url} sent a message outside its protocol ({error}): {text}"));
                    return;
                }
                Handle(result);
                // The final message ends the stream; the worker closes the connection (its close handshake reads the socket).
                if (result.IsFinal && Volatile.Read(ref _ending))
                {
                    _finalReceived.TrySetResult();
                    return;
                }
            }
        }
        catch (WebSocketException e)
        {
            Fail(Lost(e.Message, e));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The session is being disposed.
        }
    }

    private void Handle(FunAsrMessage message)
    {
        _anyMessage = true;
        if (message.IsSentence)
        {
            PublishFinal(message.Text, message.Timestamps);
        }
        else
        {
            // Streaming text arrives piece by piece: the partial is the sentence so far.
            _sentence.Append(message.Text);
            if (message.IsFinal) PublishFinal(_sentence.ToString(), message.Timestamps);
            else if (message.Text.Length > 0) Publish(new RecognitionResult(_sentence.ToString(), false, _sentenceStart, SentPosition));
        }
        if (message.IsFinal && !_anyFinal) PublishFinal("", null);
    }

    private void PublishFinal(string text, (TimeSpan Start, TimeSpan End)? timestamps)
    {
        // A final with no text closes nothing, except when it is the session's only answer (nothing was said).
        if (text.Length == 0 && (_anyFinal || (_sentence.Length > 0 && !Volatile.Read(ref _ending)))) return;
        var (start, end) = timestamps ?? (_sentenceStart, SentPosition);
        Publish(new RecognitionResult(text, true, start, end));
        _anyFinal = true;
        _sentence.Clear();
        _sentenceStart = end;
    }

    private TimeSpan SentPosition => SamplesToTime(Interlocked.Read(ref _samplesSent));
}
