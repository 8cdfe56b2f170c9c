using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.Wire;
using Xunit.Abstractions;

namespace Huawu.Interop.Tests.Speech;

/// <summary>
/// <c>huawu serve</c>'s parrot on real calls from SIPp, with the embedded engines (energy VAD, pocketsphinx, espeak-ng):
/// SIPp speaks an Asterisk prompt (real 8 kHz speech, made into RTP), dumpcap records both directions, and what the
/// node stored — transcript and each turn's latency — is read back through the API and held against the wire.
/// </summary>
public sealed class ParrotInteropTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task The_caller_hears_the_greeting_is_recognized_and_hears_the_reply_as_soon_as_the_node_measured()
    {
        await using var run = await ParrotRun.StartAsync("Hello. Say something.", output);
        // The greeting (about a second, once the engines have loaded on this first call) is over when the caller speaks;
        // the answer (1.4 s, played while the scenario waits) and the reply (about 1.5 s) are over before the hang-up.
        var (result, rtp) = await run.CallAsync("hello-world", beforeMs: 4000, afterMs: 5000);
        Assert.True(result.AllCallsSucceeded, result.Describe() + "\n" + run.Node.Describe());

        var robot = WireSpeech.Talkspurts(Assert.Single(rtp.SentTo(run.MediaPort).Carrying(0)));
        var callerSpeech = WireSpeech.SpeechPackets(Assert.Single(rtp.SentFrom(run.MediaPort).Carrying(0)));
        Assert.NotEmpty(callerSpeech);
        // Two talkspurts: the greeting, before the caller spoke, and the reply, after.
        Assert.Equal(2, robot.Count);
        Assert.True(robot[0].Last < callerSpeech[0], $"the greeting ({robot[0]}) ended before the caller spoke ({callerSpeech[0]:HH:mm:ss.fff})");
        Assert.True(robot[0].Last - robot[0].First > TimeSpan.FromSeconds(0.8), $"a greeting of {robot[0].Last - robot[0].First}");
        Assert.True(robot[1].First > callerSpeech[^1]);

        var transcript = await run.TranscriptAsync();
        Assert.Equal(["robot:Hello. Say something.", "customer:hello world", "robot:You said hello world."],
            transcript.Select(s => $"{s.GetProperty("speaker").GetString()}:{s.GetProperty("text").GetString()}"));
        var turn = Assert.Single(await run.TurnsAsync());
        var stored = TimeSpan.FromMilliseconds(turn["total_ms"]);
        // The transcript holds the same figure: the reply's start less the caller's end.
        var fromTranscript = TimeSpan.FromSeconds(transcript[2].GetProperty("startSeconds").GetDouble() - transcript[1].GetProperty("endSeconds").GetDouble());
        Assert.InRange(fromTranscript - stored, TimeSpan.FromMilliseconds(-2), TimeSpan.FromMilliseconds(2));

        // On the wire: from the caller's last packet of speech to the reply's first packet. The node sees the speech end
        // later, by its jitter buffer's delay (20-60 ms here, plus the tick the frame waits for), and judges the last speech
        // window with its own detector (a window either way).
        var wire = robot[1].First - callerSpeech[^1];
        output.WriteLine($"turn: {turn.Count} figures, total {stored.TotalMilliseconds} ms stored, {wire.TotalMilliseconds:0} ms on the wire; " +
                         string.Join(" ", turn.Select(f => $"{f.Key}={f.Value}")));
        Assert.InRange(wire - stored, TimeSpan.FromMilliseconds(-40), TimeSpan.FromMilliseconds(120));
        Assert.True(stored < TimeSpan.FromMilliseconds(500), $"the reply came {stored.TotalMilliseconds} ms after the end of speech");
        // The 30 ms target is the benchmark's (PipelineTurnLatency); on a live call a loaded 2-core machine has shown 34 ms.
        // Twice the target still catches a pipeline that waits a tick too many.
        Assert.True(turn["overhead_ms"] <= 60, $"the pipeline's overhead was {turn["overhead_ms"]} ms");
    }

    [Fact]
    public async Task Speaking_over_the_greeting_stops_the_nodes_rtp_within_150_ms_of_the_speech_onset_and_is_answered()
    {
        await using var run = await ParrotRun.StartAsync(
            "Hello, this is the Huawu parrot. I listen to what you say, and I say it back to you. You may interrupt me at any time: " +
            "just start speaking, and I will stop and listen. Please say hello world, thank you, or goodbye.", output);
        var (result, rtp) = await run.CallAsync("hello-world", beforeMs: 3500, afterMs: 5000);
        Assert.True(result.AllCallsSucceeded, result.Describe() + "\n" + run.Node.Describe());

        var robot = WireSpeech.Talkspurts(Assert.Single(rtp.SentTo(run.MediaPort).Carrying(0)));
        var onset = WireSpeech.SpeechPackets(Assert.Single(rtp.SentFrom(run.MediaPort).Carrying(0)))[0];
        var greeting = robot[0];
        Assert.True(greeting.First < onset && greeting.Last >= onset, $"the greeting ({greeting}) was playing when the caller spoke ({onset:HH:mm:ss.fff})");
        var reaction = greeting.Last - onset;
        output.WriteLine($"barge-in: the node's last greeting packet {reaction.TotalMilliseconds:0} ms after the caller's first packet of speech");
        Assert.InRange(reaction, TimeSpan.Zero, TimeSpan.FromMilliseconds(150));

        var transcript = await run.TranscriptAsync();
        Assert.Equal(["robot", "customer", "robot"], transcript.Select(s => s.GetProperty("speaker").GetString()));
        Assert.Equal("hello world", transcript[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_silent_caller_is_asked_whether_anyone_is_there_and_then_hung_up_on()
    {
        await using var run = await ParrotRun.StartAsync("Hello. Say something.", output, noInputSeconds: 2);
        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacRemoteBye(),
            Remote = run.SipAddress,
            Service = "parrot",
            LocalPort = run.TakePort(),
            MediaPort = run.MediaPort,
            MaxCalls = 1,
            GlobalTimeout = Patience,
        }, Patience + TimeSpan.FromSeconds(5));

        // The node's BYE ends the call (the scenario fails without one): two silences of 2 s after it spoke.
        Assert.True(result.AllCallsSucceeded, result.Describe() + "\n" + run.Node.Describe());
        var transcript = await run.TranscriptAsync();
        Assert.Equal(["robot:Hello. Say something.", "robot:Are you still there?", "robot:Goodbye."],
            transcript.Select(s => $"{s.GetProperty("speaker").GetString()}:{s.GetProperty("text").GetString()}"));
        // Each silence counted from the robot's last packet before (which ends its segment, give or take the frames around
        // it: a loaded machine stored a gap of 1.959 s once), and well short of a second timeout.
        var gaps = transcript.Zip(transcript.Skip(1), (a, b) => b.GetProperty("startSeconds").GetDouble() - a.GetProperty("endSeconds").GetDouble()).ToList();
        Assert.All(gaps, gap => Assert.InRange(gap, 1.9, 2.5));
    }
}
