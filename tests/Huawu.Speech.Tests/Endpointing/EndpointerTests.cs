using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Tests.Endpointing;

/// <summary>
/// The endpointer's decisions on scripted probabilities. The detector runs at 8 kHz with 20 ms windows (160 samples)
/// and is fed 20 ms frames at 8 kHz, so window n spans samples [160·n, 160·(n+1)) and every expected position is exact.
/// </summary>
public sealed class EndpointerTests
{
    private const int Rate = 8000;
    private const int Window = 160;

    private static readonly EndpointingOptions Options = new()
    {
        MinSpeech = TimeSpan.FromMilliseconds(100),   // 5 windows
        TrailingSilence = TimeSpan.FromMilliseconds(200), // 10 windows
        MaxUtterance = TimeSpan.FromSeconds(2),       // 100 windows
        PreRoll = TimeSpan.FromMilliseconds(60),
        StartThreshold = 0.6f,
        StopThreshold = 0.3f,
    };

    [Fact]
    public void Speech_shorter_than_the_minimum_starts_nothing()
    {
        var events = Run(Options, (0, 10), (0.9f, 4), (0, 50));
        Assert.Empty(events);
    }

    [Fact]
    public void Speech_starts_at_its_first_window_once_it_has_lasted_the_minimum()
    {
        var events = Run(Options, (0, 10), (0.9f, 30), (0, 30));
        var started = Assert.Single(events, e => e.Kind == EndpointingEventKind.SpeechStarted);
        Assert.Equal(10 * Window, started.StartSample);
        // Confirmed at the end of the 5th speech window.
        Assert.Equal(15 * Window, started.EndSample);
        Assert.Equal(TimeSpan.FromMilliseconds(200), started.Start);
    }

    [Fact]
    public void A_dip_of_up_to_80_ms_inside_the_onset_is_tolerated_and_a_longer_one_starts_over()
    {
        // 3 speech windows, 4 silent (80 ms), 2 speech: 5 speech windows since the onset at window 10.
        var bridged = Run(Options, (0, 10), (0.9f, 3), (0, 4), (0.9f, 2), (0, 30));
        Assert.Equal(10 * Window, Assert.Single(bridged, e => e.Kind == EndpointingEventKind.SpeechStarted).StartSample);

        // A 5-window dip (100 ms) resets the count: the second burst (windows 18–22) starts on its own.
        var reset = Run(Options, (0, 10), (0.9f, 3), (0, 5), (0.9f, 5), (0, 30));
        Assert.Equal(18 * Window, Assert.Single(reset, e => e.Kind == EndpointingEventKind.SpeechStarted).StartSample);
    }

    [Fact]
    public void The_onset_comes_once_its_shorter_speech_has_lasted_before_the_start_confirms_the_utterance()
    {
        // Onset after 3 windows (60 ms), start after 5 (100 ms), both from the first speech window.
        var events = Run(Options with { OnsetSpeech = TimeSpan.FromMilliseconds(60) }, includeOnsets: true, (0, 10), (0.9f, 30), (0, 30));
        Assert.Equal([EndpointingEventKind.SpeechOnset, EndpointingEventKind.SpeechStarted, EndpointingEventKind.SpeechEnded], events.Select(e => e.Kind));
        Assert.Equal((10 * Window, 13 * Window), (events[0].StartSample, events[0].EndSample));
        Assert.Equal(15 * Window, events[1].EndSample);
    }

    [Fact]
    public void A_short_burst_raises_an_onset_but_no_utterance_and_each_candidate_raises_its_own()
    {
        // Two 60 ms bursts 120 ms apart (longer than the onset's dip tolerance): two candidates, two onsets, no start.
        var events = Run(Options with { OnsetSpeech = TimeSpan.FromMilliseconds(60) }, includeOnsets: true, (0, 10), (0.9f, 3), (0, 6), (0.9f, 3), (0, 30));
        Assert.Equal([10 * Window, 19 * Window], events.Select(e => e.StartSample));
        Assert.All(events, e => Assert.Equal(EndpointingEventKind.SpeechOnset, e.Kind));
    }

    [Fact]
    public void An_onset_longer_than_the_minimum_speech_comes_with_the_start()
    {
        var events = Run(Options with { OnsetSpeech = TimeSpan.FromMilliseconds(300) }, includeOnsets: true, (0, 10), (0.9f, 30), (0, 30));
        Assert.Equal([EndpointingEventKind.SpeechOnset, EndpointingEventKind.SpeechStarted, EndpointingEventKind.SpeechEnded], events.Select(e => e.Kind));
        Assert.Equal(events[0].EndSample, events[1].EndSample);
    }

    [Fact]
    public void Speech_ends_at_its_last_window_once_the_trailing_silence_has_passed()
    {
        var endpointer = Create(Options, (0, 10), (0.9f, 20), (0, 40));
        var endedAtFrame = -1;
        EndpointingEvent ended = default;
        for (var frame = 0; frame < 70; frame++)
        {
            foreach (var e in endpointer.Process(new short[Window]))
            {
                if (e.Kind != EndpointingEventKind.SpeechEnded) continue;
                ended = e;
                endedAtFrame = frame;
            }
        }
        Assert.Equal(UtteranceEndReason.TrailingSilence, ended.Reason);
        Assert.Equal(10 * Window, ended.StartSample);
        Assert.Equal(30 * Window, ended.EndSample);
        // 10 silent windows (200 ms) after the last speech window 29: reported while processing frame 39.
        Assert.Equal(39, endedAtFrame);
    }

    [Fact]
    public void A_pause_shorter_than_the_trailing_silence_keeps_the_utterance_going()
    {
        var events = Run(Options, (0, 10), (0.9f, 20), (0, 9), (0.9f, 20), (0, 40));
        Assert.Equal([EndpointingEventKind.SpeechStarted, EndpointingEventKind.SpeechEnded], events.Select(e => e.Kind));
        Assert.Equal(59 * Window, events[1].EndSample);
    }

    [Fact]
    public void Hysteresis_a_probability_between_the_thresholds_neither_starts_nor_ends_an_utterance()
    {
        // 0.45 lies between stop (0.3) and start (0.6): alone it starts nothing…
        Assert.Empty(Run(Options, (0, 10), (0.45f, 100), (0, 20)));

        // …but once speech has started, it keeps the utterance alive; 0.25 (below stop) is silence.
        var events = Run(Options, (0, 10), (0.9f, 10), (0.45f, 50), (0.25f, 30));
        var ended = Assert.Single(events, e => e.Kind == EndpointingEventKind.SpeechEnded);
        Assert.Equal(70 * Window, ended.EndSample);
        Assert.Equal(UtteranceEndReason.TrailingSilence, ended.Reason);
    }

    [Fact]
    public void An_utterance_reaching_the_maximum_length_is_cut_and_speech_going_on_starts_a_new_one()
    {
        var events = Run(Options, (0, 10), (0.9f, 250), (0, 20));
        Assert.Equal(
            [EndpointingEventKind.SpeechStarted, EndpointingEventKind.SpeechEnded, EndpointingEventKind.SpeechStarted,
             EndpointingEventKind.SpeechEnded, EndpointingEventKind.SpeechStarted, EndpointingEventKind.SpeechEnded],
            events.Select(e => e.Kind));
        // 2 s = 100 windows from the onset at window 10: cut at the end of window 109, the next onset is window 110.
        Assert.Equal((10 * Window, 110 * Window, UtteranceEndReason.MaxUtterance), (events[1].StartSample, events[1].EndSample, events[1].Reason));
        Assert.Equal(110 * Window, events[2].StartSample);
        Assert.Equal((210 * Window, UtteranceEndReason.MaxUtterance), (events[3].EndSample, events[3].Reason));
        Assert.Equal((260 * Window, UtteranceEndReason.TrailingSilence), (events[5].EndSample, events[5].Reason));
    }

    [Fact]
    public void The_end_of_the_stream_closes_an_utterance_but_drops_an_unconfirmed_onset()
    {
        var open = Create(Options, (0, 10), (0.9f, 20));
        for (var i = 0; i < 30; i++) open.Process(new short[Window]);
        var ended = Assert.Single(open.Finish().ToArray());
        Assert.Equal((EndpointingEventKind.SpeechEnded, UtteranceEndReason.EndOfStream, 30L * Window), (ended.Kind, ended.Reason, ended.EndSample));

        var onset = Create(Options, (0, 10), (0.9f, 3));
        for (var i = 0; i < 13; i++) Assert.DoesNotContain(onset.Process(new short[Window]).ToArray(), e => e.Kind != EndpointingEventKind.SpeechOnset);
        Assert.True(onset.Finish().IsEmpty);
    }

    [Fact]
    public void The_pre_roll_hands_over_the_audio_from_before_the_onset()
    {
        var endpointer = Create(Options, (0, 20), (0.9f, 30), (0, 20));
        var frame = new short[Window];
        EndpointingEvent? started = null;
        var position = 0;
        while (started is null)
        {
            // A ramp: each sample holds its own position, so what comes back can be checked sample by sample.
            for (var i = 0; i < Window; i++) frame[i] = (short)(position + i);
            position += Window;
            foreach (var e in endpointer.Process(frame)) started = e;
        }

        var from = endpointer.PreRollStart(started.Value.StartSample);
        Assert.Equal((20 * Window) - 480, from); // 60 ms at 8 kHz before the onset
        var audio = new short[4000];
        var copied = endpointer.CopyHistory(from, audio);
        Assert.Equal(endpointer.Position - from, copied);
        Assert.Equal(Enumerable.Range((int)from, copied).Select(i => (short)i), audio[..copied]);
    }

    [Fact]
    public void Changed_options_apply_from_the_next_window()
    {
        var endpointer = Create(Options, (0, 10), (0.9f, 20), (0, 40));
        for (var i = 0; i < 32; i++) Assert.DoesNotContain(endpointer.Process(new short[Window]).ToArray(), e => e.Kind == EndpointingEventKind.SpeechEnded);
        // Two silent windows so far; with 60 ms of trailing silence the third ends the utterance.
        endpointer.Options = Options with { TrailingSilence = TimeSpan.FromMilliseconds(60) };
        var ended = Assert.Single(endpointer.Process(new short[Window]).ToArray());
        Assert.Equal((EndpointingEventKind.SpeechEnded, 30L * Window), (ended.Kind, ended.EndSample));
    }

    [Fact]
    public void Reset_starts_a_new_stream_and_resets_the_detector()
    {
        var detector = new ScriptedDetector(Rate, Window, ScriptedDetector.Runs((0.9f, 40)));
        var endpointer = new Endpointer(detector, Rate, Options);
        for (var i = 0; i < 20; i++) endpointer.Process(new short[Window]);
        endpointer.Reset();
        Assert.Equal((0L, 1), (endpointer.Position, detector.Resets));
        var again = new List<EndpointingEvent>();
        for (var i = 0; i < 20; i++) again.AddRange(endpointer.Process(new short[Window]).ToArray());
        Assert.Equal(0, Assert.Single(again, e => e.Kind == EndpointingEventKind.SpeechStarted).StartSample);
    }

    [Fact]
    public void Unusable_options_rates_and_blocks_are_refused()
    {
        var detector = new ScriptedDetector(16000, 512, []);
        var invalid = Assert.Throws<ArgumentException>(() => new Endpointer(detector, 8000, Options with { StopThreshold = 0.7f, TrailingSilence = TimeSpan.Zero }));
        Assert.Contains("StopThreshold", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("TrailingSilence", invalid.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Endpointer(detector, 44110, Options));
        var endpointer = new Endpointer(detector, 8000, Options);
        Assert.Throws<ArgumentException>(() => endpointer.Process(new short[161]));
        Assert.Throws<ArgumentException>(() => endpointer.Process(new short[162]));
    }

    private static Endpointer Create(EndpointingOptions options, params (float Probability, int Windows)[] script) =>
        new(new ScriptedDetector(Rate, Window, ScriptedDetector.Runs(script)), Rate, options);

    /// <summary>Feeds as many 20 ms frames as the script has windows and collects the utterance starts and ends.</summary>
    private static List<EndpointingEvent> Run(EndpointingOptions options, params (float Probability, int Windows)[] script) =>
        Run(options, includeOnsets: false, script);

    /// <summary>Feeds as many 20 ms frames as the script has windows and collects the events (onsets too, if asked).</summary>
    private static List<EndpointingEvent> Run(EndpointingOptions options, bool includeOnsets, params (float Probability, int Windows)[] script)
    {
        var endpointer = Create(options, script);
        var events = new List<EndpointingEvent>();
        var windows = script.Sum(r => r.Windows);
        for (var i = 0; i < windows; i++) events.AddRange(endpointer.Process(new short[Window]).ToArray());
        events.AddRange(endpointer.Finish().ToArray());
        return [.. events.Where(e => includeOnsets || e.Kind != EndpointingEventKind.SpeechOnset)];
    }
}
