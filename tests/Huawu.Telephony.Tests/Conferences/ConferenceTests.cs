using Huawu.Media.Dsp;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Bridges;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Conferences;

/// <summary>
/// Conferences on the node: each member speaks its own tone, and what each hears is measured per 20 ms frame by
/// Goertzel — every other member's tone present, its own absent.
/// </summary>
public sealed class ConferenceTests
{
    private static readonly double[] Tones = [500, 900, 1300, 1700];

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Every_member_hears_all_the_others_and_not_itself(int size)
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var conference = rig.Callee.CreateConference("room");
        var members = await JoinAsync(rig, node, conference, size);

        await rig.TickAsync(TimeSpan.FromSeconds(2));

        for (var i = 0; i < size; i++)
        {
            var heard = members[i].Hears.Samples.AsSpan(2400);
            Assert.True(AudioProbe.LoudFrames(heard, 8000) >= 50, $"member {i} hears sound");
            Assert.True(AudioProbe.ShareAtPerFrame(heard, Tones[i], 8000) < 0.02, $"member {i} does not hear itself");
            for (var other = 0; other < size; other++)
            {
                if (other == i) continue;
                var share = AudioProbe.ShareAtPerFrame(heard, Tones[other], 8000);
                Assert.True(share > 0.6 / (size - 1), $"member {i} hears member {other}: {share:F2}");
            }
        }
        Assert.Equal(size, conference.Members.Count);
        Assert.Equal(Enumerable.Range(1, size), rig.CalleeEvents.All<ConferenceMembershipChanged>().Select(e => e.Members));
    }

    [Fact]
    public async Task A_muted_member_hears_the_others_and_is_not_heard()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var conference = rig.Callee.CreateConference("room");
        var members = await JoinAsync(rig, node, conference, 3);
        Assert.True(await conference.SetMutedAsync(members[2].Leg, muted: true).Within());

        await rig.TickAsync(TimeSpan.FromSeconds(2));

        foreach (var speaker in members.Take(2))
        {
            Assert.True(AudioProbe.ShareAtPerFrame(speaker.Hears.Samples.AsSpan(2400), Tones[2], 8000) < 0.02, "the muted member is not heard");
        }
        var supervisor = members[2].Hears.Samples.AsSpan(2400);
        Assert.True(AudioProbe.ShareAtPerFrame(supervisor, Tones[0], 8000) > 0.3 && AudioProbe.ShareAtPerFrame(supervisor, Tones[1], 8000) > 0.3, "the muted member listens");
    }

    [Fact]
    public async Task Members_leave_by_removal_or_hang_up_and_the_last_one_leaving_ends_the_conference()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var conference = rig.Callee.CreateConference("room");
        var members = await JoinAsync(rig, node, conference, 2);
        Assert.Same(conference, rig.Callee.CreateConference("room"));

        Assert.True(await conference.RemoveAsync(members[0].Leg).Within());
        Assert.False(await conference.RemoveAsync(members[0].Leg).Within());
        Assert.Equal(CallState.Answered, members[0].Leg.State);
        await members[1].Phone.HangupAsync();
        await conference.Ended.Within();

        Assert.Empty(conference.Members);
        Assert.Empty(rig.Callee.Conferences);
        await rig.CalleeEvents.WaitAsync<ConferenceMembershipChanged>(e => e.Members == 0);
        var changes = rig.CalleeEvents.All<ConferenceMembershipChanged>();
        Assert.Equal([(true, 1), (true, 2), (false, 1), (false, 0)], changes.Select(e => (e.Joined, e.Members)));
        Assert.False(await conference.AddAsync(members[0].Leg).Within());
        Assert.NotSame(conference, rig.Callee.CreateConference("room"));
    }

    [Fact]
    public async Task A_bridged_call_added_leaves_its_bridge_and_ending_the_conference_hangs_up_its_members()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (_, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (_, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());
        var conference = rig.Callee.CreateConference("consult");

        Assert.True(await conference.AddAsync(aliceLeg).Within());
        Assert.Null(bobLeg.BridgedTo);
        Assert.Equal(CallState.Answered, bobLeg.State);
        Assert.False(await bobLeg.BridgeAsync(aliceLeg).Within()); // a member is in no bridge
        await conference.EndAsync().Within();

        var ended = await aliceLeg.Ended.Within();
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Local), (ended.Cause, ended.By));
        Assert.Equal(CallState.Answered, bobLeg.State);
        await conference.Ended.Within();
    }

    private static async Task<List<Member>> JoinAsync(EngineRig rig, AnsweringNode node, IConference conference, int size)
    {
        var members = new List<Member>();
        for (var i = 0; i < size; i++)
        {
            var (phone, leg) = await BridgeRig.ConnectAsync(rig, node, $"member{i}");
            var hears = new AudioProbe();
            members.Add(new Member(phone, leg, hears, phone.Transmit(new ToneGenerator(ToneSpec.Continuous(Tones[i], -10))), phone.TapReceivedAudio(hears)));
            Assert.True(await conference.AddAsync(leg).Within());
        }
        return members;
    }

    private sealed record Member(ICall Phone, ICall Leg, AudioProbe Hears, IDisposable Speaking, IDisposable Tap);
}
