using Huawu.ContactCenter.Acd;
using Huawu.Data;
using Huawu.Data.Accounts;
using Huawu.Interop.Tests.Calls;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Runtime;
using Huawu.Robot.Scripts;
using Huawu.Server.Cli;
using Huawu.Server.Realtime;
using Huawu.Server.Security;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Engine;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;
using Microsoft.Extensions.Logging.Abstractions;

namespace Huawu.Interop.Tests.Robot;

/// <summary>
/// The robot's hand-off to a queue over real SIP: two SIPp phones register as the queue's members 1001 and 1002 (RFC 3261 §10),
/// a SIPp caller comes in through the trunk and the robot's line (<see cref="CallLine"/>) hands it to the queue. 1001, idle as
/// long as 1002 and first in the queue, is offered the call first and only rings (180); after the ring time the ACD cancels it
/// (RFC 3261 §9.1: CANCEL, then 487) and offers 1002, which answers and is bridged with the caller. Each agent's screen gets
/// the handoff event (the node's real publisher, on the realtime hub, scoped per agent) as its phone rings.
/// </summary>
public sealed class QueueHandOffInteropTests
{
    private const string Password = "s3cret";
    private const int RingSeconds = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_first_member_rings_out_the_next_answers_and_is_bridged_and_its_agent_gets_the_handoff_event()
    {
        var ports = PortBlock.Allocate(48);
        using var files = PeerDirectory.Create("queue-handoff");
        var setup = DataSetup.Load(null, new DirectoryInfo(files.Folder("data")), out var errors);
        Assert.True(setup is not null, string.Join("; ", errors));
        await using var store = await setup.OpenAsync(CancellationToken.None);
        Assert.NotNull(store);
        var agents = new Dictionary<string, long>();
        foreach (var (name, extension) in new[] { ("agent1", "1001"), ("agent2", "1002") })
        {
            var user = (await store.Users.CreateAsync(new NewUser(name, name, "-", [Role.Agent]))).Value!;
            Assert.True((await store.Agents.SetExtensionAsync(user.Id, extension)).Succeeded);
            agents[extension] = user.Id;
        }
        var hub = new RealtimeHub();
        var screens = new Dictionary<string, RealtimeSubscription>();
        foreach (var (extension, userId) in agents)
        {
            var scope = await new ScopeResolver(store).ResolveAsync(new Caller(userId, "agent", [Role.Agent], CredentialKind.Session, 0, null, null), CancellationToken.None);
            screens[extension] = hub.Subscribe(scope);
        }
        var publisher = new HandOffEventPublisher(hub, store, TimeProvider.System, NullLogger<HandOffEventPublisher>.Instance);

        await using var node = await HuawuNode.StartAsync(ports, trustLoopback: true, ExtensionInteropTests.Extension("1001", "1002"));
        var ringing = await PhoneAsync(node, ports, "1001", SippScenarios.UasRingCancel());
        var answering = await PhoneAsync(node, ports, "1002", SippScenarios.UasAnswer());
        using var acd = new AutomaticCallDistributor(
            [new QueueDefinition("advisors", [QueueMember.AtExtension("1001"), QueueMember.AtExtension("1002")], QueueStrategy.LongestIdle,
                TimeSpan.FromSeconds(RingSeconds), TimeSpan.FromSeconds(20))],
            node.Engine, new Registrations(node.Engine), new NoAgents(), TimeProvider.System, NullLogger.Instance);

        var handedOff = new TaskCompletionSource<(ICall Caller, HandOffResult Result)>(TaskCreationOptions.RunContinuationsAsynchronously);
        node.Engine.SetInboundHandler(async call =>
        {
            await call.RingAsync();
            if (!await call.AnswerAsync()) return;
            var line = new CallLine(call, node.Engine, publisher, detachVoice: () => { }) { Queues = acd };
            var result = await line.HandOffAsync(new TransferAction(TransferTargetKind.Queue, "advisors", 15, Context()), CancellationToken.None);
            handedOff.SetResult((call, result));
            await call.Ended;
        });
        await using var caller = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UacRemoteBye(),
            Remote = node.Address,
            Service = "4000",
            LocalPort = ports.Take(),
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            GlobalTimeout = Patience,
        });

        var (callee, handOff) = await handedOff.Task.WaitAsync(Patience);
        Assert.Equal(HandOffOutcome.Answered, handOff.Outcome);
        var offers = node.Events.All<CallCreated>().Where(e => e.OnBehalfOf == callee.Id).ToList();
        Assert.Equal(["1001", "1002"], offers.Select(o => o.To));
        // 1002 was offered once 1001 had rung for the ring time, and 1001's phone was cancelled then (487).
        var gap = offers[1].At - offers[0].At;
        Assert.InRange(gap, TimeSpan.FromSeconds(RingSeconds), TimeSpan.FromSeconds(RingSeconds + 2));
        var firstEnd = await node.Events.HungUpAsync(offers[0].CallId).WaitAsync(Patience);
        Assert.Equal(HangupCause.NoAnswer, firstEnd.Cause);
        Assert.Equal(487, firstEnd.SipStatus);
        var bridged = await node.Events.WaitAsync<CallBridged>(e => e.CallId == callee.Id).WaitAsync(Patience);
        Assert.Equal(offers[1].CallId, bridged.OtherCallId);

        // Each agent's screen popped as its phone rang, for this call and this queue; the answering agent's is there.
        foreach (var extension in new[] { "1001", "1002" })
        {
            Assert.True(screens[extension].Reader.TryRead(out var popped), $"no handoff event for {extension}");
            Assert.Equal((HandOffEventPublisher.EventType, callee.Id.ToString()), (popped.Type, popped.CallId));
            Assert.Equal(agents[extension], popped.Audience.AgentUserId);
            Assert.False(screens[extension].Reader.TryRead(out _));
        }

        await callee.HangupAsync();
        Assert.True((await ringing.WaitForExitAsync(Patience)).AllCallsSucceeded, ringing.ToString());
        Assert.True((await answering.WaitForExitAsync(Patience)).AllCallsSucceeded, answering.ToString());
        Assert.True((await caller.WaitForExitAsync(Patience)).AllCallsSucceeded, caller.ToString());
        foreach (var screen in screens.Values) screen.Dispose();
    }

    /// <summary>A SIPp phone at its own port, registered there first (REGISTER with digest, RFC 3261 §22), then waiting as a UAS.</summary>
    private static async Task<Sipp> PhoneAsync(HuawuNode node, PortBlock ports, string extension, SippScenario scenario)
    {
        var port = ports.Take();
        var registered = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacRegisterDigest(),
            Remote = node.Address,
            Service = extension,
            AuthUser = extension,
            AuthPassword = Password,
            LocalPort = port,
            MaxCalls = 1,
        }, Patience);
        Assert.True(registered.AllCallsSucceeded, registered.Describe());
        Assert.True(node.Engine.IsRegistered(extension));
        return await Sipp.StartAsync(new SippOptions { Scenario = scenario, LocalPort = port, MediaPort = ports.Take(4), MaxCalls = 1, GlobalTimeout = Patience });
    }

    private static HandOffContext Context() => new("loan-en", "to_advisor",
        [new TranscriptEntry(DateTimeOffset.UtcNow, TranscriptSpeaker.Callee, "I want to talk to an advisor", "offer", "wants_human", 0.9)],
        "wants_human", new Dictionary<string, string> { ["amount"] = "50000" }, ["interested"], "A");

    private sealed class Registrations(TelephonyEngine engine) : IPhonePresence
    {
        public bool IsRegistered(string extension) => engine.IsRegistered(extension);
    }

    private sealed class NoAgents : IAgentDirectory
    {
        public Task<string?> ExtensionOfAsync(string userName, CancellationToken cancellation) => Task.FromResult<string?>(null);
    }
}
