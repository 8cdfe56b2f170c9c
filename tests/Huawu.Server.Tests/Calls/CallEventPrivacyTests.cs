using Huawu.Telephony.Calls;

namespace Huawu.Server.Tests.Calls;

/// <summary>What a call's events keep about its parties: no DTMF keys unless allowed, no whole phone numbers.</summary>
public sealed class CallEventPrivacyTests
{
    private const string CardNumber = "6222021234567890";

    [Fact]
    public async Task Dtmf_is_kept_as_received_with_its_method_but_not_the_keys_by_default()
    {
        await using var rig = await CallRecordRig.StartAsync();
        await TypeCardNumberAsync(rig);

        var record = await rig.CallAsync("ivr");
        var events = await rig.Store.Calls.EventsAsync(record.Id);
        var dtmf = events.Where(e => e.Kind == "dtmf").ToList();
        Assert.Equal(CardNumber.Length, dtmf.Count);
        Assert.All(dtmf, e => Assert.Equal("leg=ivr method=rfc4733", e.Detail));
        Assert.DoesNotContain(events, e => e.Detail!.Contains("key=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dtmf_keys_are_kept_when_the_configuration_allows()
    {
        await using var rig = await CallRecordRig.StartAsync(c => c.CallRecords.StoreDtmfDigits = true);
        await TypeCardNumberAsync(rig);

        var events = await rig.Store.Calls.EventsAsync((await rig.CallAsync("ivr")).Id);
        Assert.Equal(CardNumber, string.Concat(events.Where(e => e.Kind == "dtmf").Select(e => e.Detail![^1])));
    }

    [Fact]
    public async Task A_transfer_to_a_phone_number_names_it_masked_and_holds_say_who_held()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);
        call.Inbound("held", from: "13812345678", to: "02012345678");
        call.Answered("held");
        call.Held("held", HangupSide.Remote);
        call.Resumed("held", HangupSide.Remote);
        call.Transferred("held", "13900139000", succeeded: false, 486);
        call.HungUp("held", HangupCause.NormalClearing, HangupSide.Remote);
        await rig.StopAsync();

        var events = await rig.Store.Calls.EventsAsync((await rig.CallAsync("held")).Id);
        Assert.Equal("leg=held by=remote", Assert.Single(events, e => e.Kind == "held").Detail);
        Assert.Equal("leg=held by=remote", Assert.Single(events, e => e.Kind == "resumed").Detail);
        Assert.Equal("leg=held to=139****9000 succeeded=false sip=486", Assert.Single(events, e => e.Kind == "transferred").Detail);
        Assert.DoesNotContain(events, e => e.Detail!.Contains("13812345678", StringComparison.Ordinal));
    }

    private static async Task TypeCardNumberAsync(CallRecordRig rig)
    {
        var call = new CtiScript(rig);
        call.Inbound("ivr", from: "13812345678", to: "02012345678");
        call.Answered("ivr");
        foreach (var key in CardNumber) call.Dtmf("ivr", key);
        call.HungUp("ivr", HangupCause.NormalClearing, HangupSide.Remote);
        await rig.StopAsync();
    }
}
