using System.Threading.Channels;
using Huawu.Speech.Asr;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// A recognizer for pipeline tests. Each session keeps the audio it is fed (without allocating, up to a minute) and answers
/// as <see cref="Next"/> said when it was started: partials every so many samples, then on <see cref="IRecognitionSession.Complete"/>
/// a final with the scripted text — or nothing, or a failure.
/// </summary>
internal sealed class ScriptedRecognizer(int sampleRate) : ISpeechRecognizer
{
    private readonly List<ScriptedSession> _sessions = [];

    public string Name => "scripted";

    public int SampleRate => sampleRate;

    public bool IsStreaming => true;

    /// <summary>How the next sessions answer.</summary>
    public SessionScript Next { get; set; } = new();

    public IReadOnlyList<ScriptedSession> Sessions
    {
        get { lock (_sessions) return [.. _sessions]; }
    }

    public IRecognitionSession StartSession(RecognitionOptions options)
    {
        var session = new ScriptedSession(Next, options);
        lock (_sessions) _sessions.Add(session);
        return session;
    }

    public void Dispose()
    {
    }
}

/// <summary>What a scripted session answers.</summary>
/// <param name="Final">The final text on completion; null: no final ever comes.</param>
/// <param name="Confidence">The final's confidence.</param>
/// <param name="PartialEvery">A partial ("…" plus the count) every this many samples; 0 for none.</param>
/// <param name="Fail">Completion fails with a <see cref="SpeechEngineException"/> instead.</param>
internal sealed record SessionScript(string? Final = "yes", float? Confidence = 0.9f, int PartialEvery = 0, bool Fail = false);

internal sealed class ScriptedSession(SessionScript script, RecognitionOptions options) : IRecognitionSession
{
    private readonly Channel<RecognitionResult> _results = Channel.CreateUnbounded<RecognitionResult>();
    private readonly short[] _audio = new short[60 * 48000];
    private int _received;
    private int _partials;

    public RecognitionOptions Options => options;

    public ChannelReader<RecognitionResult> Results => _results.Reader;

    public ReadOnlySpan<short> Audio => _audio.AsSpan(0, Volatile.Read(ref _received));

    public bool Completed { get; private set; }

    public bool Disposed { get; private set; }

    public void AcceptAudio(ReadOnlySpan<short> samples)
    {
        Assert.False(Completed, "audio after Complete");
        samples.CopyTo(_audio.AsSpan(_received));
        Volatile.Write(ref _received, _received + samples.Length);
        if (script.PartialEvery > 0 && _received / script.PartialEvery > _partials)
        {
            _partials = _received / script.PartialEvery;
            _results.Writer.TryWrite(new RecognitionResult("…" + _partials, false, TimeSpan.Zero, TimeSpan.Zero));
        }
    }

    public void Complete()
    {
        Completed = true;
        if (script.Fail)
        {
            _results.Writer.TryComplete(new SpeechEngineException("the scripted engine broke"));
            return;
        }
        if (script.Final is null) return;
        _results.Writer.TryWrite(new RecognitionResult(script.Final, true, TimeSpan.Zero, TimeSpan.Zero, script.Confidence));
        _results.Writer.TryComplete();
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        _results.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
