using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Speech.Pipeline;
using Huawu.Testing;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// A pipeline on fake time, driven tick by tick as the media clock drives it on a call: each <see cref="Tick"/> moves the
/// clock to its time (20 ms after the one before), writes the received frame (receive phase) and reads the robot's frame
/// (send phase). Between ticks the clock stands still, so the engines' work, running in tasks as on a call, takes no time;
/// tests wait for its events with a real-time bound.
/// </summary>
internal sealed class PipelineRig : IAsyncDisposable
{
    public const short Loud = 8000;
    public const short Quiet = 0;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly PcmFrame _received;
    private readonly PcmFrame _sent;
    private readonly List<PipelineEvent> _events = [];
    private long _index;

    public PipelineRig(int sampleRate = 8000, int recognizerRate = 8000, EchoGuardOptions? echo = null)
    {
        Recognizer = new ScriptedRecognizer(recognizerRate);
        Pipeline = new VoicePipeline(sampleRate, new LoudnessDetector.Factory(), Recognizer, Time, echo);
        _received = new PcmFrame(sampleRate);
        _sent = new PcmFrame(sampleRate);
    }

    public ManualTimeProvider Time { get; } = new();

    public ScriptedRecognizer Recognizer { get; }

    public VoicePipeline Pipeline { get; }

    /// <summary>Ticks so far; the next tick has this index.</summary>
    public long Index => _index;

    /// <summary>Per tick: whether the robot sent a packet, and the samples it sent.</summary>
    public List<(bool Sent, short[] Samples)> Sent { get; } = [];

    /// <summary>One tick receiving <paramref name="received"/> (a frame's samples, or a constant level when shorter).</summary>
    public bool Tick(ReadOnlySpan<short> received)
    {
        if (received.Length == _received.SampleCount) received.CopyTo(_received.Samples);
        else _received.Samples.Fill(received.IsEmpty ? (short)0 : received[0]);
        if (_index > 0) Time.Advance(MediaClock.FrameDuration);
        var tick = new MediaTick(_index++, Time.GetTimestamp());
        Pipeline.Write(tick, _received);
        var sent = Pipeline.TryRead(tick, _sent);
        Sent.Add((sent, sent ? _sent.Samples.ToArray() : []));
        return sent;
    }

    /// <summary><paramref name="count"/> ticks of a tone at <paramref name="level"/> (speech to the loudness detector) or silence.</summary>
    public void Ticks(int count, short level)
    {
        var frame = new short[_received.SampleCount];
        for (var t = 0; t < count; t++)
        {
            for (var i = 0; i < frame.Length; i++) frame[i] = (short)(level * Math.Sin(2 * Math.PI * 440 * ((_index * frame.Length) + i) / _received.SampleRate));
            Tick(frame);
        }
    }

    /// <summary>The events published so far.</summary>
    public IReadOnlyList<PipelineEvent> Events
    {
        get
        {
            while (Pipeline.Events.TryRead(out var e)) _events.Add(e);
            return _events;
        }
    }

    /// <summary>Waits (real time, bounded) for an event of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null) where T : PipelineEvent
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Events.OfType<T>().FirstOrDefault(e => match?.Invoke(e) ?? true) is { } found) return found;
            await Task.Delay(2);
        }
        Assert.Fail($"no {typeof(T).Name} within {Patience.TotalSeconds} s; events: {string.Join(", ", Events)}");
        return null!;
    }

    /// <summary>Waits (real time, bounded) until the playback's first audio is queued, so ticks that follow can play it.</summary>
    public static async Task ReadyAsync(SpeechPlayback playback)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (playback.FirstQueued == 0 && !playback.Completion.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"playback {playback.Id} produced nothing");
            await Task.Delay(2);
        }
    }

    /// <summary>A clip of <paramref name="milliseconds"/> of a 300 Hz tone at <paramref name="level"/>.</summary>
    public static AudioClip Clip(int milliseconds, int sampleRate = 8000, short level = Loud) =>
        new(sampleRate, [.. Enumerable.Range(0, sampleRate * milliseconds / 1000).Select(n => (short)(level * Math.Sin(2 * Math.PI * 300 * n / sampleRate)))]);

    public ValueTask DisposeAsync() => Pipeline.DisposeAsync();
}
