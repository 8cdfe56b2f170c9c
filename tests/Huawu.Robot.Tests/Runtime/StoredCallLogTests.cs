using Huawu.Data;
using Huawu.Data.Calls;
using Huawu.Data.Keys;
using Huawu.Data.Storage;
using Huawu.Robot.Runtime;
using Huawu.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Huawu.Robot.Tests.Runtime;

/// <summary>A robot call over test doubles writing its log to a real store (SQLite in a temporary data directory).</summary>
public sealed class StoredCallLogTests : IAsyncLifetime
{
    private const string Leg = "leg-robot-1";
    private const string Callee = "+8613800138000";
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-runtime-").FullName;
    private DataStore _store = null!;
    private long _callId;

    public async Task InitializeAsync()
    {
        var time = new ManualTimeProvider();
        var opened = await DataStore.OpenAsync(new DataStoreOptions(_directory, new DatabaseOptions()), KeyRing.Generate(time), time);
        _store = opened.Store ?? throw new InvalidOperationException(opened.Error);
        var record = await _store.Calls.InsertAsync(new NewCallRecord(Leg, CallDirection.Outbound, time.GetUtcNow()) { CustomerPhone = Callee });
        _callId = record.Value!.Id;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_refusal_lists_the_number_audited_and_the_transcript_grade_and_disposition_reach_the_call_record()
    {
        var voice = new FakeVoice();
        var line = new FakeLine(Callee);
        var log = new StoredCallLog(_store, Leg, NullLogger.Instance);
        var started = RobotCall.Create(RuntimeScripts.Load(), voice, line, log,
            new RobotCallOptions(new Dictionary<string, string> { ["customer_name"] = "Alex" }));
        var running = started.Call!.RunAsync();
        await voice.PlayOutAsync(2);
        var turn = await voice.NextAsync<FakeVoice.Listened>();
        voice.Hear(turn.Turn, "don't call me again");
        var goodbye = await voice.NextAsync<FakeVoice.Said>();
        // Listed before the goodbye has even played.
        Assert.True(await _store.DoNotCall.ContainsAsync(Callee));
        voice.Raise(new Huawu.Speech.Pipeline.PipelineEvent.PlaybackEnded(TimeSpan.FromSeconds(9), goodbye.Playback,
            Huawu.Speech.Pipeline.PlaybackOutcome.Completed, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(1)));
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        var entry = await _store.DoNotCall.FindAsync(Callee);
        Assert.Equal($"call:{_callId}", entry!.Source);
        var audit = await _store.Audit.ReadAsync(0, 100);
        Assert.Contains(audit, a => a.Actor == "robot" && a.TargetType == "do_not_call");
        var record = await _store.Calls.GetAsync(_callId);
        Assert.Equal(("do_not_call", "C"), (record!.DispositionCode, record.IntentGrade));
        var transcript = await _store.Transcripts.ForCallAsync(_callId);
        Assert.Equal(["robot", "robot", "customer", "robot"], transcript.Select(s => s.Speaker));
        Assert.Equal("don't call me again", transcript[2].Text);
        Assert.Equal("do_not_call", transcript[2].Intent);
        Assert.StartsWith("This is an AI assistant", transcript[0].Text, StringComparison.Ordinal);
        Assert.Contains(await _store.Calls.EventsAsync(_callId), e => e.Kind == "robot.do_not_call");
        Assert.Equal("Alex", (await _store.Calls.VariablesAsync(_callId))["customer_name"]);
    }
}
