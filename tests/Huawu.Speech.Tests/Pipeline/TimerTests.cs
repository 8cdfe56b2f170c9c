using Huawu.Speech.Pipeline;
using static Huawu.Speech.Tests.Pipeline.PipelineRig;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>No-input and no-match timers on the frames' tick times: a call never sits in silence.</summary>
public sealed class TimerTests
{
    [Fact]
    public async Task No_input_comes_after_the_timeout_counted_from_the_turns_first_tick()
    {
        await using var rig = new PipelineRig();
        var turn = rig.Pipeline.Listen(new ListenOptions { NoInputTimeout = TimeSpan.FromSeconds(1) });
        rig.Ticks(50, Quiet);
        Assert.False(turn.Result.IsCompleted);
        rig.Ticks(1, Quiet);

        // Tick 50 is 1 s after tick 0, where the turn began.
        var noInput = Assert.IsType<PipelineEvent.NoInput>(await turn.Result);
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), turn.Id), (noInput.At, noInput.Waited, noInput.Turn));
        Assert.Contains(noInput, rig.Events);
    }

    [Fact]
    public async Task While_the_robot_speaks_no_input_waits_and_then_counts_from_its_last_packet()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(500));
        await ReadyAsync(playback);
        var turn = rig.Pipeline.Listen(new ListenOptions { NoInputTimeout = TimeSpan.FromSeconds(1) });
        rig.Ticks(74, Quiet);
        Assert.False(turn.Result.IsCompleted);
        rig.Ticks(1, Quiet);

        // The last of 25 packets went out in tick 24 (480 ms); one second later is tick 74.
        var noInput = Assert.IsType<PipelineEvent.NoInput>(await turn.Result);
        Assert.Equal(TimeSpan.FromMilliseconds(1480), noInput.At);
    }

    [Fact]
    public async Task Speech_stops_the_no_input_timer()
    {
        await using var rig = new PipelineRig();
        var turn = rig.Pipeline.Listen(new ListenOptions { NoInputTimeout = TimeSpan.FromMilliseconds(600) });
        rig.Ticks(20, Quiet);
        rig.Ticks(30, Loud);
        rig.Ticks(40, Quiet);
        Assert.IsType<PipelineEvent.Recognized>(await turn.Result);
        Assert.DoesNotContain(rig.Events, e => e is PipelineEvent.NoInput);
    }

    [Fact]
    public async Task A_recognizer_that_never_answers_is_a_no_match_after_the_timeout_from_the_endpoint()
    {
        await using var rig = new PipelineRig();
        rig.Recognizer.Next = new SessionScript(Final: null);
        var turn = rig.Pipeline.Listen(new ListenOptions { NoMatchTimeout = TimeSpan.FromMilliseconds(800) });
        rig.Ticks(10, Loud);
        rig.Ticks(10, Quiet);
        // Speech in ticks 0–9; 200 ms of trailing silence ends it in tick 19; 800 ms later is tick 59.
        var ended = await rig.WaitForAsync<PipelineEvent.UtteranceEnded>();
        Assert.Equal(TimeSpan.FromMilliseconds(380), ended.At);
        rig.Ticks(39, Quiet);
        Assert.False(turn.Result.IsCompleted);
        rig.Ticks(1, Quiet);
        var noMatch = Assert.IsType<PipelineEvent.NoMatch>(await turn.Result);
        Assert.Equal((NoMatchReason.Timeout, TimeSpan.FromMilliseconds(1180)), (noMatch.Reason, noMatch.At));
        await BargeInTests.Eventually(() => rig.Recognizer.Sessions[0].Disposed);
    }

    [Theory]
    [InlineData("", 0.9f, false, NoMatchReason.NothingRecognized)]
    [InlineData("yes", 0.3f, false, NoMatchReason.LowConfidence)]
    [InlineData("yes", 0.9f, true, NoMatchReason.EngineFailed)]
    public async Task An_empty_or_doubtful_or_failed_recognition_is_a_no_match(string text, float confidence, bool fail, NoMatchReason reason)
    {
        await using var rig = new PipelineRig();
        rig.Recognizer.Next = new SessionScript(text, confidence, Fail: fail);
        var turn = rig.Pipeline.Listen(new ListenOptions { MinConfidence = 0.5f });
        rig.Ticks(10, Loud);
        rig.Ticks(12, Quiet);
        var noMatch = Assert.IsType<PipelineEvent.NoMatch>(await turn.Result);
        Assert.Equal(reason, noMatch.Reason);
        if (fail) Assert.Contains("broke", noMatch.Error, StringComparison.Ordinal);
        else Assert.Equal(text, noMatch.Result!.Text);
    }

    [Fact]
    public async Task A_new_turn_ends_the_open_one_and_its_late_results_are_dropped()
    {
        await using var rig = new PipelineRig();
        rig.Recognizer.Next = new SessionScript(Final: null);
        var first = rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(10, Loud);
        rig.Recognizer.Next = new SessionScript("second");
        var second = rig.Pipeline.Listen(new ListenOptions());
        Assert.Equal(new PipelineEvent.ListenStopped(TimeSpan.FromMilliseconds(180), first.Id), await first.Result);
        rig.Ticks(10, Quiet);
        rig.Ticks(10, Loud);
        rig.Ticks(12, Quiet);
        var heard = Assert.IsType<PipelineEvent.Recognized>(await second.Result);
        Assert.Equal("second", heard.Result.Text);
        // The first session got audio only while its turn was open: the 10 frames of ticks 0–9.
        await BargeInTests.Eventually(() => rig.Recognizer.Sessions[0].Disposed);
        Assert.Equal(1600, rig.Recognizer.Sessions[0].Audio.Length);
    }
}
