using Huawu.Media.Audio;
using Huawu.Media.Dsp;
using Huawu.Telephony.Audio;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Bridges;

/// <summary>
/// Hold inside a bridge (RFC 3264 §8.4): only the held leg is re-INVITEd; the other party is told nothing and hears
/// music on hold (or silence) until the hold ends.
/// </summary>
public sealed class BridgeHoldTests
{
    private static readonly double[] Candidates = [440, 1000, .. HoldMusic.BuiltInFrequencies];

    [Fact]
    public async Task When_a_phone_holds_the_other_party_hears_music_on_hold_and_is_not_reinvited()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        using var aliceSpeaks = alice.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));
        var bobHears = new AudioProbe();
        using var bobTap = bob.TapReceivedAudio(bobHears);
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        Assert.True(await alice.HoldAsync().Within());
        await rig.CalleeEvents.WaitAsync<CallHeld>(e => e.CallId == aliceLeg.Id);
        var held = bobHears.Samples.Length;
        await rig.TickAsync(TimeSpan.FromSeconds(3));
        var heldEnd = bobHears.Samples.Length;
        Assert.True(await alice.ResumeAsync().Within());
        await rig.CalleeEvents.WaitAsync<CallResumed>(e => e.CallId == aliceLeg.Id);
        await rig.TickAsync(TimeSpan.FromSeconds(1));

        var whileHeld = BridgeRig.TonesPerFrame(bobHears.Samples[(held + 2400)..heldEnd], Candidates);
        Assert.True(whileHeld.Count > 40 && whileHeld.All(HoldMusic.BuiltInFrequencies.Contains), $"held: {whileHeld.Count} frames of {string.Join(",", whileHeld.Distinct())}");
        var afterResume = BridgeRig.TonesPerFrame(bobHears.Samples[(heldEnd + 2400)..], Candidates);
        Assert.True(afterResume.Count > 20 && afterResume.All(f => f == 440), $"resumed: {string.Join(",", afterResume.Distinct())}");
        // Bob's side of the bridge was never re-negotiated.
        Assert.DoesNotContain(rig.CalleeEvents.NamesOf(bobLeg.Id), name => name is "CallHeld" or "CallResumed");
        Assert.DoesNotContain(rig.CallerEvents.NamesOf(bob.Id), name => name is "CallHeld" or "CallResumed");
    }

    [Fact]
    public async Task The_configured_hold_music_file_is_what_the_other_party_hears()
    {
        var music = Path.Combine(Path.GetTempPath(), $"huawu-hold-{Guid.NewGuid():N}.wav");
        try
        {
            using (var writer = WavWriter.Create(music, 8000, 1))
            {
                var samples = new short[8000];
                new ToneGenerator(ToneSpec.Continuous(300, -10)).Generate(samples, 8000);
                writer.Write(samples);
            }
            await using var rig = await EngineRig.StartAsync(node => node.Calls.MusicOnHoldFile = music);
            var node = new AnsweringNode(rig.Callee);
            var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
            var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
            var bobHears = new AudioProbe();
            using var bobTap = bob.TapReceivedAudio(bobHears);
            Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

            Assert.True(await alice.HoldAsync().Within());
            await rig.CalleeEvents.WaitAsync<CallHeld>(e => e.CallId == aliceLeg.Id);
            var held = bobHears.Samples.Length;
            await rig.TickAsync(TimeSpan.FromSeconds(1.5));

            AudioProbe.AssertHears(bobHears.Samples.AsSpan(held + 2400), 300, "bob hears the configured music");
        }
        finally
        {
            File.Delete(music);
        }
    }

    [Fact]
    public async Task Holding_a_bridged_call_through_the_api_reinvites_that_call_only_and_without_music_the_other_hears_silence()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        using var aliceSpeaks = alice.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));
        var bobHears = new AudioProbe();
        using var bobTap = bob.TapReceivedAudio(bobHears);
        Assert.True(await aliceLeg.BridgeAsync(bobLeg, new BridgeOptions { MusicOnHold = false }).Within());

        Assert.True(await aliceLeg.HoldAsync().Within());
        await rig.CallerEvents.WaitAsync<CallHeld>(e => e.CallId == alice.Id);
        var held = bobHears.Samples.Length;
        await rig.TickAsync(TimeSpan.FromSeconds(1.5));

        Assert.True(AudioProbe.Rms(bobHears.Samples.AsSpan(held + 2400)) < 0.001, "bob hears silence while alice is held");
        Assert.True(bob.State == CallState.Answered && bobLeg.State == CallState.Answered);
        Assert.Empty(rig.CallerEvents.Of(bob.Id).OfType<CallHeld>());
        Assert.Equal(CallState.Held, alice.State);
    }
}
