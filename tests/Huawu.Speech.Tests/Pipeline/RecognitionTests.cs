using Huawu.Speech.Asr;
using Huawu.Speech.Endpointing;
using Huawu.Speech.Pipeline;
using static Huawu.Speech.Tests.Pipeline.PipelineRig;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// The utterance streams to the recognizer from its pre-roll to the endpoint, at the recognizer's rate; partials flow as
/// events while the caller speaks; the final answers the turn with the speech's times.
/// </summary>
public sealed class RecognitionTests
{
    private static readonly ListenOptions Turn = new()
    {
        Endpointing = ListenOptions.ConversationalEndpointing with { PreRoll = TimeSpan.FromMilliseconds(100) },
        Recognition = new RecognitionOptions { Language = "en-US", Grammar = ["yes", "no"] },
    };

    [Fact]
    public async Task The_recognizer_hears_the_utterance_from_its_pre_roll_to_the_endpoint_exactly_as_received()
    {
        await using var rig = new PipelineRig();
        rig.Recognizer.Next = new SessionScript("yes", PartialEvery: 1600);
        var turn = rig.Pipeline.Listen(Turn);
        var received = new List<short>();
        // 20 quiet frames (a little hum), 30 of speech, 20 quiet; every sample tells its position.
        for (var t = 0; t < 70; t++)
        {
            var speech = t is >= 20 and < 50;
            var frame = Enumerable.Range(0, 160).Select(i => (short)((speech ? 4000 : 0) + ((t * 160) + i) % 500)).ToArray();
            received.AddRange(frame);
            rig.Tick(frame);
        }

        var heard = Assert.IsType<PipelineEvent.Recognized>(await turn.Result);
        var session = Assert.Single(rig.Recognizer.Sessions);
        Assert.Equal(Turn.Recognition, session.Options);
        // Speech from sample 3200 (frame 20), so the pre-roll starts 800 samples before; the endpoint came in frame 59
        // (200 ms after the last speech window, 49), and everything up to then went to the recognizer.
        Assert.Equal(received.Skip(2400).Take(9600 - 2400), session.Audio.ToArray());
        Assert.True(session.Completed);
        // Sample s ends up at s / 8000 s − 20 ms: a frame's last sample is heard at its tick.
        Assert.Equal((TimeSpan.FromMilliseconds(380), TimeSpan.FromMilliseconds(980)), (heard.SpeechStart, heard.SpeechEnd));
        Assert.Equal("yes", heard.Result.Text);
        var ended = Assert.Single(rig.Events.OfType<PipelineEvent.UtteranceEnded>());
        Assert.Equal((UtteranceEndReason.TrailingSilence, TimeSpan.FromMilliseconds(1180)), (ended.Reason, ended.At));
        // Partials came while the audio streamed, before the answer.
        var events = rig.Events.ToList();
        var partials = events.OfType<PipelineEvent.PartialRecognized>().ToList();
        Assert.Equal(7200 / 1600, partials.Count);
        Assert.True(events.IndexOf(partials[^1]) < events.IndexOf(heard));
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    public async Task Audio_reaches_the_recognizer_at_its_own_rate_aligned_and_whole(int callRate, int recognizerRate)
    {
        await using var rig = new PipelineRig(callRate, recognizerRate);
        var turn = rig.Pipeline.Listen(Turn);
        rig.Ticks(20, Quiet);
        rig.Ticks(30, Loud);
        rig.Ticks(20, Quiet);
        await turn.Result;

        // 45 call frames (100 ms of pre-roll, 600 of speech, 200 of trailing silence): 0.9 s at the recognizer's rate, the
        // tone where it was and at its level (10 ms left out at each edge, where the filter rings).
        var audio = Assert.Single(rig.Recognizer.Sessions).Audio.ToArray();
        Assert.Equal(recognizerRate * 9 / 10, audio.Length);
        var speech = audio[((recognizerRate / 10) + (recognizerRate / 100))..((recognizerRate * 7 / 10) - (recognizerRate / 100))];
        var rms = Math.Sqrt(speech.Average(s => (double)s * s));
        Assert.InRange(rms, Loud / Math.Sqrt(2) * 0.97, Loud / Math.Sqrt(2) * 1.03);
    }

    [Fact]
    public async Task Options_are_checked_when_listening()
    {
        await using var rig = new PipelineRig();
        var error = Assert.Throws<ArgumentException>(() => rig.Pipeline.Listen(new ListenOptions { NoInputTimeout = TimeSpan.Zero, MaxKeys = 0 }));
        Assert.Contains("NoInputTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxKeys", error.Message, StringComparison.Ordinal);
    }
}
