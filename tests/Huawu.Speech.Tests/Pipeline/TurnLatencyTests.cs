using Huawu.Speech.Pipeline;
using Huawu.Speech.Tts;
using static Huawu.Speech.Tests.Pipeline.PipelineRig;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// A turn is measured from the end of the caller's speech (its last speech window) to the reply's first packet, split
/// into endpointing, recognition, dialogue, synthesis and playout; the pipeline's own overhead is what the engines and
/// the trailing silence do not explain. On fake time the engines take no time, so the overhead is the tick wait.
/// </summary>
public sealed class TurnLatencyTests
{
    [Fact]
    public async Task The_reply_measures_the_turn_from_the_end_of_speech_to_its_first_packet()
    {
        await using var rig = new PipelineRig();
        var turn = rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(10, Quiet);
        rig.Ticks(20, Loud);
        rig.Ticks(10, Quiet);
        var heard = Assert.IsType<PipelineEvent.Recognized>(await turn.Result);

        var tts = new HandFedTts();
        tts.Give(HandFedTts.Ramp(0, 1600));
        tts.Finish();
        var reply = rig.Pipeline.Say(tts, SpeechText.Plain("You said yes."), "v");
        await ReadyAsync(reply);
        rig.Ticks(1, Quiet);

        var measured = await rig.WaitForAsync<PipelineEvent.TurnMeasured>();
        Assert.Equal((turn.Id, reply.Id), (measured.Turn, measured.Playback));
        var latency = measured.Latency;
        // Speech in frames 10–29 ends at 580 ms; the endpoint 200 ms later (tick 39, 780 ms); the reply's first packet in
        // tick 40 (800 ms): the caller waited 220 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(580), heard.SpeechEnd);
        Assert.Equal(TimeSpan.FromMilliseconds(220), latency.Total);
        Assert.Equal(TimeSpan.FromMilliseconds(200), latency.Endpointing);
        Assert.Equal(TimeSpan.FromMilliseconds(200), latency.TrailingSilence);
        Assert.Equal(latency.Total, latency.Endpointing + latency.Recognition + latency.Dialogue + latency.Synthesis + latency.Playout);
        // Fake time stood still while the engines worked: all 20 ms beyond the trailing silence is the pipeline's own,
        // the wait for the tick (at most one frame).
        Assert.Equal(TimeSpan.FromMilliseconds(20), latency.Overhead);
        Assert.Equal(TimeSpan.FromMilliseconds(800), measured.At);
    }

    [Fact]
    public async Task Only_the_first_playback_after_an_answer_is_its_reply()
    {
        await using var rig = new PipelineRig();
        var turn = rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(20, Loud);
        rig.Ticks(10, Quiet);
        await turn.Result;
        var reply = rig.Pipeline.Play(Clip(100));
        var more = rig.Pipeline.Play(Clip(100));
        await ReadyAsync(reply);
        await ReadyAsync(more);
        rig.Ticks(12, Quiet);
        await rig.WaitForAsync<PipelineEvent.PlaybackEnded>(e => e.Playback == more.Id);
        Assert.Equal(reply.Id, Assert.Single(rig.Events.OfType<PipelineEvent.TurnMeasured>()).Playback);
    }

    [Fact]
    public async Task A_turn_without_an_answer_is_not_measured()
    {
        await using var rig = new PipelineRig();
        rig.Recognizer.Next = new SessionScript("");
        var turn = rig.Pipeline.Listen(new ListenOptions());
        rig.Ticks(20, Loud);
        rig.Ticks(10, Quiet);
        Assert.IsType<PipelineEvent.NoMatch>(await turn.Result);
        var reprompt = rig.Pipeline.Play(Clip(100));
        await ReadyAsync(reprompt);
        rig.Ticks(8, Quiet);
        await reprompt.Completion;
        Assert.DoesNotContain(rig.Events, e => e is PipelineEvent.TurnMeasured);
    }
}
