using System.Text;
using System.Threading.Channels;

namespace Huawu.Speech.Asr.Dtmf;

/// <summary>
/// DTMF as an input like speech: keys pressed on a call come out as <see cref="RecognitionResult"/>s (the text is the
/// keys), so "press 1 or say yes" is one question with one kind of answer. With <see cref="MaxKeys"/> 1 every key is a
/// final result at once; otherwise keys collect (each one a partial) until <see cref="MaxKeys"/> are in, the
/// <see cref="Terminator"/> is pressed (not part of the text), or the pipeline's inter-digit timer calls
/// <see cref="Flush"/>. Feed it from one thread (the call's).
/// </summary>
public sealed class DtmfInput
{
    private readonly Channel<RecognitionResult> _results = Channel.CreateUnbounded<RecognitionResult>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly StringBuilder _keys = new();
    private TimeSpan _firstKeyAt;

    public DtmfInput(int maxKeys = 1, char? terminator = '#')
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxKeys);
        if (terminator is { } t && !IsKey(t)) throw new ArgumentOutOfRangeException(nameof(terminator), t, "not a DTMF key");
        MaxKeys = maxKeys;
        Terminator = terminator;
    }

    public int MaxKeys { get; }

    public char? Terminator { get; }

    public ChannelReader<RecognitionResult> Results => _results.Reader;

    /// <summary>The 16 DTMF keys (RFC 4733 §3.2 events 0–15).</summary>
    public static bool IsKey(char key) => key is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D');

    /// <summary>A key pressed at <paramref name="at"/> (an offset on the call's clock, like speech results' times).</summary>
    public void Press(char key, TimeSpan at)
    {
        if (!IsKey(key)) throw new ArgumentOutOfRangeException(nameof(key), key, "not a DTMF key");
        if (key == Terminator && MaxKeys > 1)
        {
            Flush(at);
            return;
        }
        if (_keys.Length == 0) _firstKeyAt = at;
        _keys.Append(key);
        if (_keys.Length >= MaxKeys) Flush(at);
        else _results.Writer.TryWrite(Result(isFinal: false, at));
    }

    /// <summary>Ends the keys collected so far as a final result (the inter-digit timeout passed); nothing if none.</summary>
    public void Flush(TimeSpan at)
    {
        if (_keys.Length == 0) return;
        _results.Writer.TryWrite(Result(isFinal: true, at));
        _keys.Clear();
    }

    /// <summary>No more keys: anything collected is flushed and <see cref="Results"/> completes.</summary>
    public void Complete(TimeSpan at)
    {
        Flush(at);
        _results.Writer.TryComplete();
    }

    private RecognitionResult Result(bool isFinal, TimeSpan at) => new(_keys.ToString(), isFinal, _firstKeyAt, at, Confidence: 1f);
}
