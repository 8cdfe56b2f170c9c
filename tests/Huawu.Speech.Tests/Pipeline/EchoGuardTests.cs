using Huawu.Speech.Pipeline;
using static Huawu.Speech.Tests.Pipeline.PipelineRig;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// The far end's echo of the robot's own prompt (a hybrid's reflection: later and quieter) is not a barge-in, while the
/// caller speaking over it is. The echo here is loud enough for the detector on its own, so only the guard keeps it out.
/// </summary>
public sealed class EchoGuardTests
{
    private const int EchoDelayTicks = 3;

    [Fact]
    public async Task The_robots_echo_does_not_barge_in_and_the_line_echo_return_loss_is_learnt()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(2000));
        await ReadyAsync(playback);
        rig.Pipeline.Listen(new ListenOptions());
        RunWithEcho(rig, ticks: 120, lossDb: 12, callerLevel: 0);

        Assert.Equal(PlaybackOutcome.Completed, (await playback.Completion).Outcome);
        Assert.Equal(100, rig.Sent.Count(s => s.Sent));
        Assert.DoesNotContain(rig.Events, e => e is PipelineEvent.BargedIn or PipelineEvent.UtteranceStarted);
        Assert.InRange(rig.Pipeline.EchoReturnLoss, 11, 13);
    }

    [Fact]
    public async Task The_caller_speaking_over_the_echo_barges_in()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(3000));
        await ReadyAsync(playback);
        rig.Pipeline.Listen(new ListenOptions());
        RunWithEcho(rig, ticks: 50, lossDb: 12, callerLevel: 0);
        Assert.True(rig.Sent[^1].Sent);
        RunWithEcho(rig, ticks: 10, lossDb: 12, callerLevel: Loud);

        Assert.Equal(PlaybackOutcome.BargedIn, (await playback.Completion).Outcome);
        // Three speech windows from tick 50: the robot's last packet went out in tick 51.
        Assert.Equal(52, rig.Sent.Count(s => s.Sent));
    }

    [Fact]
    public async Task Without_the_guard_the_echo_interrupts_the_robot()
    {
        await using var rig = new PipelineRig(echo: new EchoGuardOptions { Enabled = false });
        var playback = rig.Pipeline.Play(Clip(2000));
        await ReadyAsync(playback);
        rig.Pipeline.Listen(new ListenOptions());
        RunWithEcho(rig, ticks: 40, lossDb: 12, callerLevel: 0);
        Assert.Equal(PlaybackOutcome.BargedIn, (await playback.Completion).Outcome);
    }

    [Fact]
    public async Task After_the_robot_stops_its_echo_tail_fades_and_a_caller_as_quiet_as_the_echo_is_heard()
    {
        await using var rig = new PipelineRig();
        var playback = rig.Pipeline.Play(Clip(200));
        await ReadyAsync(playback);
        rig.Pipeline.Listen(new ListenOptions());
        RunWithEcho(rig, ticks: 40, lossDb: 12, callerLevel: 0);
        // A caller 12 dB below the robot, as loud as its echo was, once the 400 ms tail has passed.
        rig.Ticks(15, 2000);
        rig.Ticks(12, Quiet);
        await rig.WaitForAsync<PipelineEvent.Recognized>();
    }

    /// <summary>Ticks receiving the robot's audio of <see cref="EchoDelayTicks"/> ago, <paramref name="lossDb"/> down, plus a caller's tone.</summary>
    private static void RunWithEcho(PipelineRig rig, int ticks, double lossDb, short callerLevel)
    {
        var gain = Math.Pow(10, -lossDb / 20);
        var frame = new short[160];
        for (var t = 0; t < ticks; t++)
        {
            var at = rig.Sent.Count - EchoDelayTicks;
            var echo = at >= 0 && rig.Sent[at].Sent ? rig.Sent[at].Samples : new short[160];
            for (var i = 0; i < frame.Length; i++)
            {
                var caller = callerLevel * Math.Sin(2 * Math.PI * 700 * ((rig.Index * 160) + i) / 8000);
                frame[i] = (short)Math.Clamp((echo[i] * gain) + caller, short.MinValue, short.MaxValue);
            }
            rig.Tick(frame);
        }
    }
}
