using System.Threading.Channels;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Runtime;
using Huawu.Speech.Asr;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Tests.Runtime;

/// <summary>
/// A call's voice for runtime tests: records what the robot asks of it, in order, and lets the test say what happened
/// (a line played out, the callee answered) as pipeline events. Waiting for a command is bounded.
/// </summary>
internal sealed class FakeVoice : IRobotVoice
{
    private readonly Channel<PipelineEvent> _events = Channel.CreateUnbounded<PipelineEvent>();
    private readonly Channel<object> _commands = Channel.CreateUnbounded<object>();
    private long _nextId;

    public sealed record Said(long Playback, SayAction Line);

    public sealed record Listened(long Turn, ListenOptions Options);

    public sealed record Stopped(string What);

    public ChannelReader<PipelineEvent> Events => _events.Reader;

    public List<object> History { get; } = [];

    public long Say(SayAction line) => Record(new Said(Interlocked.Increment(ref _nextId), line)).Playback;

    public long Listen(ListenOptions options) => Record(new Listened(Interlocked.Increment(ref _nextId), options)).Turn;

    public void StopSpeaking() => Record(new Stopped("speaking"));

    public void StopListening() => Record(new Stopped("listening"));

    /// <summary>The next command of type <typeparamref name="T"/>, skipping others (they stay in <see cref="History"/>).</summary>
    public async Task<T> NextAsync<T>()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await _commands.Reader.ReadAsync(timeout.Token) is T wanted) return wanted;
        }
    }

    /// <summary>Plays every line said so far to its end, in order.</summary>
    public async Task<IReadOnlyList<Said>> PlayOutAsync(int lines)
    {
        var said = new List<Said>();
        for (var i = 0; i < lines; i++)
        {
            var line = await NextAsync<Said>();
            said.Add(line);
            Raise(new PipelineEvent.PlaybackEnded(TimeSpan.FromSeconds(line.Playback), line.Playback, PlaybackOutcome.Completed,
                TimeSpan.FromSeconds(line.Playback), TimeSpan.FromSeconds(1)));
        }
        return said;
    }

    public void Hear(long turn, string text, float confidence = 0.9f) =>
        Raise(new PipelineEvent.Recognized(TimeSpan.FromSeconds(100), turn, new RecognitionResult(text, true, TimeSpan.Zero, TimeSpan.FromSeconds(1), confidence),
            TimeSpan.FromSeconds(99), TimeSpan.FromSeconds(100)));

    public void Raise(PipelineEvent happened) => _events.Writer.TryWrite(happened);

    private T Record<T>(T command)
        where T : notnull
    {
        lock (History) History.Add(command);
        _commands.Writer.TryWrite(command);
        return command;
    }
}
