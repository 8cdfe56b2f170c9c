using Huawu.Speech.Pipeline;
using static Huawu.Speech.Tests.Pipeline.PipelineRig;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>Keys are an input like speech: "press 1 or say yes" is one turn, and a key over the robot is a barge-in.</summary>
public sealed class DtmfTests
{
    [Fact]
    public async Task A_key_answers_the_turn_at_the_next_tick()
    {
        await using var rig = new PipelineRig();
        var turn = rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(5, Quiet);
        rig.Pipeline.PressKey('5');
        rig.Ticks(1, Quiet);
        var keys = Assert.IsType<PipelineEvent.KeysEntered>(await turn.Result);
        Assert.Equal(("5", TimeSpan.FromMilliseconds(100)), (keys.Keys, keys.At));
        await BargeInTests.Eventually(() => rig.Recognizer.Sessions[0].Disposed);
    }

    [Fact]
    public async Task A_key_over_the_robot_stops_it_in_that_tick()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(2000));
        await ReadyAsync(playback);
        var turn = rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(5, Quiet);
        rig.Pipeline.PressKey('1');
        rig.Ticks(3, Quiet);
        Assert.Equal([true, true, true, true, true, false, false, false], rig.Sent.Select(s => s.Sent));
        Assert.Equal(PlaybackOutcome.BargedIn, (await playback.Completion).Outcome);
        Assert.Equal("1", Assert.IsType<PipelineEvent.KeysEntered>(await turn.Result).Keys);
    }

    [Fact]
    public async Task An_entry_ends_at_its_terminator_with_each_key_a_partial()
    {
        await using var rig = new PipelineRig();
        var turn = rig.Pipeline.Listen(new ListenOptions { MaxKeys = 6 });
        foreach (var key in "123#")
        {
            rig.Pipeline.PressKey(key);
            rig.Ticks(2, Quiet);
        }
        Assert.Equal("123", Assert.IsType<PipelineEvent.KeysEntered>(await turn.Result).Keys);
        Assert.Equal(["1", "12", "123"], rig.Events.OfType<PipelineEvent.PartialRecognized>().Select(p => p.Result.Text));
    }

    [Fact]
    public async Task A_short_entry_ends_after_the_inter_key_timeout_from_its_last_key()
    {
        await using var rig = new PipelineRig();
        var turn = rig.Pipeline.Listen(new ListenOptions { MaxKeys = 4, InterKeyTimeout = TimeSpan.FromSeconds(1), NoInputTimeout = TimeSpan.FromSeconds(2) });
        rig.Pipeline.PressKey('4');
        rig.Ticks(10, Quiet);
        rig.Pipeline.PressKey('2');
        // The second key is taken in tick 10 (200 ms); one second later is tick 60.
        rig.Ticks(50, Quiet);
        Assert.False(turn.Result.IsCompleted);
        rig.Ticks(1, Quiet);
        var keys = Assert.IsType<PipelineEvent.KeysEntered>(await turn.Result);
        Assert.Equal(("42", TimeSpan.FromMilliseconds(1200)), (keys.Keys, keys.At));
    }

    [Fact]
    public async Task Keys_with_no_turn_or_over_a_robot_that_may_not_be_interrupted_are_dropped()
    {
        await using var rig = new PipelineRig();
        rig.Pipeline.PressKey('9');
        rig.Ticks(2, Quiet);
        var playback = rig.Pipeline.Play(Clip(200));
        await ReadyAsync(playback);
        var turn = rig.Pipeline.Listen(new ListenOptions { BargeIn = false });
        rig.Ticks(2, Quiet);
        rig.Pipeline.PressKey('8');
        rig.Ticks(12, Quiet);
        Assert.Equal(PlaybackOutcome.Completed, (await playback.Completion).Outcome);
        rig.Pipeline.PressKey('7');
        rig.Ticks(1, Quiet);
        Assert.Equal("7", Assert.IsType<PipelineEvent.KeysEntered>(await turn.Result).Keys);
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Pipeline.PressKey('x'));
    }
}
