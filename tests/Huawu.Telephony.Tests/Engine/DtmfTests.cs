using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>DTMF sent as RFC 4733 events by one engine and collected by the other, as CTI and the collector see it.</summary>
public sealed class DtmfTests
{
    [Fact]
    public async Task Keys_sent_as_telephone_events_are_published_and_collected_up_to_the_terminator()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, callee) = await HoldTests.AnsweredCallAsync(rig);

        var collecting = callee.CollectDtmfAsync(new DtmfCollectOptions { MaxDigits = 6, Terminators = "#", FirstDigitTimeout = TimeSpan.FromSeconds(30) });
        Assert.True(await call.SendDtmfAsync("12#9").Within());
        // Each key: 100 ms of events, the end packet repeated, then a gap (RFC 4733 §2.5.1).
        await rig.TickAsync(TimeSpan.FromSeconds(2));
        var collected = await collecting.Within();

        Assert.Equal(new DtmfCollection("12", DtmfCollectEnd.Terminator, '#'), collected);
        await Eventually.TrueAsync(() => rig.CalleeEvents.All<DtmfReceived>().Count == 4, "four keys published");
        var keys = rig.CalleeEvents.All<DtmfReceived>();
        Assert.Equal("12#9", string.Concat(keys.Select(k => k.Key)));
        Assert.All(keys, k => Assert.Equal((callee.Id, DtmfMethod.Rfc4733), (k.CallId, k.Method)));
        // The key after the terminator is typed ahead for the next collection.
        var next = await callee.CollectDtmfAsync(new DtmfCollectOptions { MaxDigits = 1 }).Within();
        Assert.Equal(new DtmfCollection("9", DtmfCollectEnd.MaxDigits), next);
    }

    [Fact]
    public async Task Collection_times_out_on_the_fake_clock_and_ends_at_hang_up()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, callee) = await HoldTests.AnsweredCallAsync(rig);

        var timers = rig.Time.ArmedTimerCount;
        var first = callee.CollectDtmfAsync(new DtmfCollectOptions { FirstDigitTimeout = TimeSpan.FromSeconds(5) });
        await Eventually.TrueAsync(() => rig.Time.ArmedTimerCount > timers, "the first-digit timer is armed");
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(DtmfCollectEnd.Timeout, (await first.Within()).End);
        var second = callee.CollectDtmfAsync(new DtmfCollectOptions { FirstDigitTimeout = TimeSpan.FromMinutes(5) });
        await call.HangupAsync();
        Assert.Equal(DtmfCollectEnd.HungUp, (await second.Within()).End);
        Assert.False(await callee.SendDtmfAsync("1").Within());
    }

    [Fact]
    public async Task Sending_a_character_that_is_no_key_fails()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, _) = await HoldTests.AnsweredCallAsync(rig);

        Assert.False(await call.SendDtmfAsync("12x").Within());
    }
}
