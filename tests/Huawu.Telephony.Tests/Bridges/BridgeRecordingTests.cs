using Huawu.Media.Dsp;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Bridges;

/// <summary>A bridged call recorded as one stereo WAV: the caller on the left channel, the callee on the right.</summary>
public sealed class BridgeRecordingTests
{
    [Fact]
    public async Task The_recording_of_a_bridged_call_has_each_party_on_its_own_channel()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (caller, callerLeg) = await BridgeRig.ConnectAsync(rig, node, "caller");
        var (callee, calleeLeg) = await BridgeRig.ConnectAsync(rig, node, "callee");
        using var callerSpeaks = caller.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));
        using var calleeSpeaks = callee.Transmit(new ToneGenerator(ToneSpec.Continuous(1000, -10)));
        Assert.True(await callerLeg.BridgeAsync(calleeLeg).Within());
        var sink = new MemoryRecordingSink();
        var recording = await callerLeg.StartRecordingAsync(sink).Within();
        Assert.NotNull(recording);
        await rig.TickAsync(TimeSpan.FromSeconds(2));
        await caller.HangupAsync();
        await calleeLeg.Ended.Within();

        Assert.Equal(1, sink.Completions);
        // Past the jitter buffer's first frames, each channel carries one party alone.
        var (left, right) = (sink.Left, sink.Right);
        AudioProbe.AssertHears(left.AsSpan(1600), 440, "left: the caller");
        AudioProbe.AssertHears(right.AsSpan(1600), 1000, "right: the callee");
        Assert.True(AudioProbe.ShareAtPerFrame(left.AsSpan(1600), 1000, 8000) < 0.01, "no callee on the caller's channel");
    }
}
