using System.Text.Json;
using Huawu.Interop.Tests.Speech;
using Huawu.Robot.Runtime;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.Wire;
using Xunit.Abstractions;

namespace Huawu.Interop.Tests.Robot;

/// <summary>
/// The robot hands a real call to an agent's registered phone: the callee (SIPp) asks for a person by voice, the robot
/// says its line and rings extension 8001 on the callee's behalf while the agent's console (API session, realtime
/// WebSocket) gets the context; the phone (SIPp registered via the node's registrar) answers and is bridged — or never
/// answers and is cancelled, and the robot takes the callee back.
/// </summary>
public sealed class RobotHandOffTests(ITestOutputHelper output)
{
    private const string AskForPerson = "I want to talk to a person";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_spoken_request_for_a_person_rings_the_agents_phone_with_the_context_in_its_headers_and_on_the_agents_screen_and_bridges_the_audio()
    {
        var ports = PortBlock.Allocate(64);
        using var files = PeerDirectory.Create("robot-handoff");
        await using var capture = await PacketCapture.StartAsync(ports.First, ports.Last);
        var (calleePort, calleeMedia) = (ports.Take(), ports.Take(4));
        // Said three times: should one not be understood the robot asks again, and the next is then the answer (see
        // RobotSpeechTests); once understood, the next reaches the agent through the bridge.
        await using var callee = await Sipp.StartAsync(new SippOptions
        {
            Scenario = await SpokenCallee.ScenarioAsync(files, new CalleeTurn(8000, AskForPerson), new CalleeTurn(16000, AskForPerson), new CalleeTurn(24000, AskForPerson)),
            LocalPort = calleePort,
            MediaPort = calleeMedia,
            MaxCalls = 1,
            GlobalTimeout = Patience,
        });
        await using var node = await RobotNode.StartAsync(ports, calleePort, files, withAgent: true);
        var greeting = files.File("agent.pcap");
        await SpokenCallee.WritePhraseAsync("hello this is the agent how can I help", greeting);
        var (phonePort, phoneMedia) = (ports.Take(), ports.Take(4));
        await using var phone = await AgentPhone.RegisterAndStartAsync(node, phonePort, phoneMedia,
            await AgentPhone.ContextScenarioAsync(files, "wants_agent", "B", greeting, holdMs: 8000));
        await using var screen = await AgentScreen.OpenAsync(node.HttpPort, RobotNode.Agent, RobotNode.AgentPassword);

        var (summary, call) = await node.CallAsync(RobotNode.OfferScript());
        output.WriteLine(RobotCallText.Describe(summary));

        Assert.True(summary.Path.SequenceEqual(["offer", "to_agent"]) && summary.HandOffs.Count == 1, RobotCallText.Describe(summary));
        Assert.Equal(HandOffOutcome.Answered, summary.HandOffs[0].Outcome);
        var handoff = await screen.WaitForAsync("handoff");
        Assert.Equal(call.Id.ToString(), handoff.GetProperty("callId").GetString());
        var context = handoff.GetProperty("data");
        Assert.Equal((RobotNode.Extension, "wants_agent", "B", "to_agent"),
            (Text(context, "extension"), Text(context, "intent"), Text(context, "grade"), Text(context, "node")));
        Assert.Contains("handed_off", context.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("new_plan", Text(context.GetProperty("variables"), "offer"));
        var transcript = context.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Contains(transcript, e => Text(e, "speaker") == "robot" && Text(e, "text") == "Are you interested in our new plan, Alex?");
        var asked = transcript.Last(e => Text(e, "speaker") == "callee");
        Assert.Equal("wants_agent", Text(asked, "intent"));
        Assert.Contains(Text(asked, "text")!, "i want to talk to a person", StringComparison.Ordinal);

        // The phone hangs up after its hold; the bridge ends the callee's call too.
        var record = await node.EndedRecordAsync(call);
        Assert.Equal(("transferred", "B"), (record.DispositionCode, record.IntentGrade));
        Assert.Contains(await node.Store.Calls.EventsAsync(record.Id), e => e.Kind == "robot.handoff");
        var phoneRun = await phone.WaitForExitAsync(Patience);
        Assert.True(phoneRun.AllCallsSucceeded, phoneRun.Describe());
        var invite = Assert.Single(phoneRun.Messages.Requests("INVITE", SippDirection.Received));
        Assert.Equal((call.Id.ToString(), "wants_agent", "B"),
            (invite.Header(HandOffHeaders.CallId), invite.Header(HandOffHeaders.Intent), invite.Header(HandOffHeaders.Grade)));
        var calleeRun = await callee.WaitForExitAsync(Patience);
        Assert.True(calleeRun.AllCallsSucceeded, calleeRun.Describe());

        // Bridged audio: while the agent's phone sent its greeting, the callee heard as much speech from the node.
        var rtp = RtpStreams.From(await capture.StopAsync());
        var agentSpoke = WireSpeech.SpeechPackets(Assert.Single(rtp.SentFrom(phoneMedia).Carrying(0)));
        Assert.True(agentSpoke.Count > 50, $"{agentSpoke.Count} speech packets from the phone");
        AssertHeard(agentSpoke, Assert.Single(rtp.SentTo(calleeMedia).Carrying(0)), "the agent's greeting at the callee");
        // And the other way: the callee's second turn, when the first was understood, is said to the agent (the phone
        // answered a second before its greeting).
        var calleeToAgent = WireSpeech.SpeechPackets(Assert.Single(rtp.SentFrom(calleeMedia).Carrying(0)))
            .Where(at => at > agentSpoke[0] - TimeSpan.FromSeconds(1)).ToList();
        if (summary.Result.Transcript.Count(e => e.Speaker == Huawu.Robot.Dialogue.TranscriptSpeaker.Callee) == 1)
        {
            Assert.True(calleeToAgent.Count > 50, $"{calleeToAgent.Count} speech packets from the callee after the bridge");
            AssertHeard(calleeToAgent, Assert.Single(rtp.SentTo(phoneMedia).Carrying(0)), "the callee's words at the agent's phone");
        }
        else
        {
            output.WriteLine("the robot needed the callee's second turn: no callee speech to check at the phone");
        }
    }

    [Fact]
    public async Task A_phone_that_only_rings_is_cancelled_after_the_no_answer_time_and_the_robot_takes_the_callee_back()
    {
        var ports = PortBlock.Allocate(64);
        using var files = PeerDirectory.Create("robot-take-back");
        var (calleePort, calleeMedia) = (ports.Take(), ports.Take(4));
        await using var callee = await Sipp.StartAsync(new SippOptions
        {
            Scenario = await SpokenCallee.ScenarioAsync(files, new CalleeTurn(8000, AskForPerson), new CalleeTurn(16000, AskForPerson), new CalleeTurn(24000, AskForPerson)),
            LocalPort = calleePort,
            MediaPort = calleeMedia,
            MaxCalls = 1,
            GlobalTimeout = Patience,
        });
        await using var node = await RobotNode.StartAsync(ports, calleePort, files);
        await using var phone = await AgentPhone.RegisterAndStartAsync(node, ports.Take(), ports.Take(4), SippScenarios.UasRingCancel());

        var (summary, call) = await node.CallAsync(RobotNode.OfferScript());
        output.WriteLine(RobotCallText.Describe(summary));

        Assert.True(summary.Path.SequenceEqual(["offer", "to_agent", "taken_back"]), RobotCallText.Describe(summary));
        Assert.Equal(HandOffOutcome.NoAnswer, Assert.Single(summary.HandOffs).Outcome);
        Assert.Equal(("callback", "B"), (summary.Result.Outcome, summary.Result.Grade));
        var record = await node.EndedRecordAsync(call);
        Assert.Equal(("callback", "B"), (record.DispositionCode, record.IntentGrade));
        var lines = (await node.Store.Transcripts.ForCallAsync(record.Id)).Where(s => s.Speaker == RobotSegment.Robot).Select(s => s.Text).ToList();
        Assert.Equal(["Connecting you now.", "Nobody is free right now. We will call you back. Goodbye."], lines[^2..]);
        var phoneRun = await phone.WaitForExitAsync(Patience);
        Assert.True(phoneRun.AllCallsSucceeded, phoneRun.Describe());
        // The phone's leg was rung with the context and cancelled (RFC 3261 §9.1) once the script's 5 s had passed.
        var invite = Assert.Single(phoneRun.Messages.Requests("INVITE", SippDirection.Received));
        var cancel = Assert.Single(phoneRun.Messages.Requests("CANCEL", SippDirection.Received));
        Assert.InRange(cancel.Timestamp - invite.Timestamp, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(7));
        Assert.Equal((call.Id.ToString(), "wants_agent", "B"),
            (invite.Header(HandOffHeaders.CallId), invite.Header(HandOffHeaders.Intent), invite.Header(HandOffHeaders.Grade)));
        var calleeRun = await callee.WaitForExitAsync(Patience);
        Assert.True(calleeRun.AllCallsSucceeded, calleeRun.Describe());
    }

    /// <summary>About as many speech packets reached <paramref name="far"/>'s receiver in the span of <paramref name="spoken"/> (plus its delay).</summary>
    private static void AssertHeard(IReadOnlyList<DateTimeOffset> spoken, RtpStream far, string what)
    {
        var heard = WireSpeech.SpeechPackets(far).Count(at => at >= spoken[0] && at <= spoken[^1] + TimeSpan.FromMilliseconds(500));
        // Usually 80 % or more arrive; one fresh clone's run counted 59 of 96 (the first 0.7 s of the agent's greeting
        // missing — cause not found yet, an open item). Half still fails a bridge that passes no audio.
        Assert.True(heard >= spoken.Count / 2 && heard <= (spoken.Count * 12 / 10) + 5, $"{what}: {heard} speech packets for {spoken.Count} said");
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}
