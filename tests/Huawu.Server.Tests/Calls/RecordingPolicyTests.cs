using Huawu.Media.Dsp;
using Huawu.Server.Calls;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Server.Tests.Calls;

/// <summary>
/// The <c>recording:</c> policy on real calls between two engines on loopback (fake clock): with <c>all</c>, the answered
/// call's first leg is recorded through the encrypted store; with <c>none</c>, nothing is.
/// </summary>
public sealed class RecordingPolicyTests
{
    [Fact]
    public async Task With_mode_all_an_answered_call_is_recorded_encrypted_with_the_caller_left_and_what_the_node_sent_right()
    {
        await using var engines = await EngineRig.StartAsync();
        await using var rig = await CallRecordRig.StartAsync(c => c.Recording.Mode = RecordingMode.All, engines.Callee, engines.Time);
        var ended = await CallWithTonesAsync(engines);
        await rig.StopAsync();

        var record = await rig.CallAsync(ended.CallId.Value);
        Assert.NotNull(record.EndedAt);
        var recording = Assert.Single(await rig.Store.Recordings.ForCallAsync(record.Id));
        Assert.Equal(RecordingOptions.Format, recording.Format);
        Assert.NotNull(recording.CompletedAt);
        Assert.InRange(recording.Duration!.Value, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.1));
        var audio = await EncryptedRecordingSinkTests.PlayAsync(rig, recording.Id);
        var samples = new short[audio.Length / 2];
        Buffer.BlockCopy(audio, 0, samples, 0, audio.Length);
        var left = samples.Where((_, i) => i % 2 == 0).ToArray();
        var right = samples.Where((_, i) => i % 2 == 1).ToArray();
        AudioProbe.AssertHears(left.AsSpan(800), 440, "left: the caller, as the node received it");
        AudioProbe.AssertHears(right, 1000, "right: what the node sent the caller");
        Assert.True(AudioProbe.ShareAtPerFrame(left.AsSpan(800), 1000, 8000) < 0.05, "no node audio on the caller's channel");
    }

    [Fact]
    public async Task With_mode_none_calls_are_recorded_in_the_history_but_not_as_audio()
    {
        await using var engines = await EngineRig.StartAsync();
        await using var rig = await CallRecordRig.StartAsync(calls: engines.Callee, time: engines.Time);
        var ended = await CallWithTonesAsync(engines);
        await rig.StopAsync();

        var record = await rig.CallAsync(ended.CallId.Value);
        Assert.Equal("NormalClearing", record.HangupCause);
        Assert.Empty(await rig.Store.Recordings.ForCallAsync(record.Id));
        Assert.False(Directory.Exists(Path.Combine(rig.Data, "recordings")) &&
                     Directory.EnumerateFiles(Path.Combine(rig.Data, "recordings"), "*", SearchOption.AllDirectories).Any());
    }

    /// <summary>The caller's engine calls the node, which answers with 1 kHz; the caller sends 440 Hz for 2 s and hangs up.</summary>
    private static async Task<CallHungUp> CallWithTonesAsync(EngineRig engines)
    {
        engines.Callee.SetInboundHandler(async call =>
        {
            if (!await call.AnswerAsync()) return;
            using var voice = call.Transmit(new ToneGenerator(ToneSpec.Continuous(1000, -10)));
            await call.Ended;
        });
        var placed = await engines.CallAsync("4000").Within();
        var caller = placed.Call ?? throw new InvalidOperationException($"not answered: {placed}");
        using (caller.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10))))
        {
            await engines.TickAsync(TimeSpan.FromSeconds(2));
            await caller.HangupAsync();
        }
        return await engines.CalleeEvents.WaitAsync<CallHungUp>();
    }
}
