using Huawu.Data.Calls;
using Huawu.Telephony.Calls;
using DataDirection = Huawu.Data.Calls.CallDirection;

namespace Huawu.Server.Tests.Calls;

/// <summary>CTI event sequences of calls, as the engine publishes them, and the call records, legs and events they leave in the store.</summary>
public sealed class CallRecordTests
{
    [Fact]
    public async Task An_answered_inbound_call_is_recorded_with_its_customer_encrypted_and_findable_its_times_outcome_leg_and_events()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);
        var created = rig.Time.GetUtcNow();

        call.Inbound("in-1", from: "13812345678", to: "02012345678");
        call.Wait(1);
        call.Ringing("in-1");
        call.Wait(2);
        call.Answered("in-1");
        call.Wait(60);
        call.HungUp("in-1", HangupCause.NormalClearing, HangupSide.Remote);
        await rig.StopAsync();

        var record = await rig.CallAsync("in-1");
        Assert.Equal(DataDirection.Inbound, record.Direction);
        Assert.Equal("+8613812345678", record.CustomerPhone);
        Assert.Equal("02012345678", record.LocalNumber);
        Assert.Equal((created, created.AddSeconds(3), created.AddSeconds(63)), (record.StartedAt, record.AnsweredAt, record.EndedAt));
        Assert.Equal(("carrier", "NormalClearing", CallSide.Remote, (int?)null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60)),
            (record.Trunk, record.HangupCause, record.HangupSide, record.SipStatus, record.RingDuration, record.TalkDuration));
        // The number is blind-indexed: found however it is written.
        Assert.Equal(record.Id, Assert.Single(await rig.Store.Calls.FindByCustomerPhoneAsync("+86 138-1234-5678")).Id);

        var leg = Assert.Single(await rig.Store.Calls.LegsAsync(record.Id));
        Assert.Equal(("in-1", "customer", "+8613812345678", "carrier", created.AddSeconds(3), created.AddSeconds(63), "NormalClearing", CallSide.Remote),
            (leg.LegUuid, leg.Role, leg.Party, leg.Trunk, leg.AnsweredAt, leg.EndedAt, leg.HangupCause, leg.HangupSide));
        // The events are the timeline: what the columns hold is not repeated in their text.
        var events = await rig.Store.Calls.EventsAsync(record.Id);
        Assert.Equal(["created", "ringing", "answered", "hung_up"], events.Select(e => e.Kind));
        Assert.Equal([created, created.AddSeconds(1), created.AddSeconds(3), created.AddSeconds(63)], events.Select(e => e.OccurredAt));
        Assert.Equal(["leg=in-1 direction=inbound", "leg=in-1", "leg=in-1 codec=PCMA", "leg=in-1"], events.Select(e => e.Detail));
    }

    [Theory]
    [InlineData(HangupCause.UserBusy, HangupSide.Local, 486, CallSide.Local)]              // we refused it
    [InlineData(HangupCause.OriginatorCancel, HangupSide.Remote, 487, CallSide.Remote)]   // the caller cancelled (RFC 3261 §9.2)
    public async Task An_inbound_call_never_answered_ends_with_its_cause_side_and_status_and_no_answer_time(
        HangupCause cause, HangupSide side, int status, CallSide recorded)
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);

        call.Inbound("in-2", from: "13812345678", to: "02012345678");
        call.Ringing("in-2");
        call.Wait(4);
        call.HungUp("in-2", cause, side, status);
        await rig.StopAsync();

        var record = await rig.CallAsync("in-2");
        Assert.Null(record.AnsweredAt);
        Assert.Equal(record.StartedAt.AddSeconds(4), record.EndedAt);
        Assert.Equal((cause.ToString(), recorded, status, TimeSpan.FromSeconds(4), TimeSpan.Zero),
            (record.HangupCause, record.HangupSide, record.SipStatus, record.RingDuration, record.TalkDuration));
        var leg = Assert.Single(await rig.Store.Calls.LegsAsync(record.Id));
        Assert.Equal(((DateTimeOffset?)null, cause.ToString(), recorded, status), (leg.AnsweredAt, leg.HangupCause, leg.HangupSide, leg.SipStatus));
    }

    [Fact]
    public async Task A_call_to_an_extension_is_one_record_with_the_callers_leg_and_the_phones_leg()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);

        // The dialplan rings extension 1001's phone for the caller (ExtensionCalls), then answers the caller and bridges them.
        call.Inbound("caller", from: "13812345678", to: "1001");
        call.Outbound("phone", to: "1001", from: "13812345678", onBehalfOf: "caller");
        call.Wait(1);
        call.Ringing("phone");
        call.Ringing("caller");
        call.Wait(5);
        call.Answered("phone");
        call.Answered("caller");
        call.Bridged("caller", "phone");
        call.Wait(30);
        call.HungUp("phone", HangupCause.NormalClearing, HangupSide.Remote);
        call.Unbridged("caller", "phone");
        call.HungUp("caller", HangupCause.NormalClearing, HangupSide.Local);
        await rig.StopAsync();

        var record = Assert.Single(await rig.AllCallsAsync());
        Assert.Equal(("caller", DataDirection.Inbound, "+8613812345678"), (record.CallUuid, record.Direction, record.CustomerPhone));
        Assert.Equal(record.StartedAt.AddSeconds(6), record.AnsweredAt);
        Assert.Equal(record.StartedAt.AddSeconds(36), record.EndedAt);
        // The phone hung up: for the caller, our side ended the call.
        Assert.Equal(("carrier", "NormalClearing", CallSide.Local, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(30)),
            (record.Trunk, record.HangupCause, record.HangupSide, record.RingDuration, record.TalkDuration));
        var legs = await rig.Store.Calls.LegsAsync(record.Id);
        Assert.Equal([("caller", "customer", "+8613812345678", "carrier", CallSide.Local), ("phone", "extension", "1001", null, CallSide.Remote)],
            legs.Select(l => (l.LegUuid, l.Role, l.Party, l.Trunk, l.HangupSide!.Value)));
        Assert.All(legs, l => Assert.Equal(("NormalClearing", record.AnsweredAt, record.EndedAt), (l.HangupCause, l.AnsweredAt, l.EndedAt)));
        var events = await rig.Store.Calls.EventsAsync(record.Id);
        Assert.Contains(events, e => e.Kind == "created" && e.Detail == "leg=phone direction=outbound for=caller");
        Assert.Contains(events, e => e.Kind == "bridged" && e.Detail == "leg=caller with=phone");
        // Who hung up: the phone (remote) first; the caller's leg was ended with it.
        Assert.Equal(["leg=phone", "leg=caller"], events.Where(e => e.Kind == "hung_up").Select(e => e.Detail!.Split(' ')[0]));
    }

    [Fact]
    public async Task Phones_rung_together_are_legs_of_the_call_and_the_one_not_answering_ends_without_ending_it()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);

        call.Inbound("caller", from: "13812345678", to: "1001");
        call.Outbound("desk", to: "1001", onBehalfOf: "caller");
        call.Outbound("mobile", to: "1001", onBehalfOf: "caller");
        call.Wait(3);
        call.Answered("mobile");
        call.HungUp("desk", HangupCause.NonSelectedUserClearing, HangupSide.Local, 487);
        call.Answered("caller");
        call.Bridged("caller", "mobile");
        await rig.UntilAsync(async () => (await rig.Store.Calls.FindByUuidAsync("caller"))?.AnsweredAt is not null, "the answer");

        var open = await rig.CallAsync("caller");
        Assert.Null(open.EndedAt);
        var legs = await rig.Store.Calls.LegsAsync(open.Id);
        Assert.Equal(["caller", "desk", "mobile"], legs.Select(l => l.LegUuid));
        Assert.Equal([null, "NonSelectedUserClearing", null], legs.Select(l => l.HangupCause));
        // RFC 3261 §9.1: the phone not answering was cancelled, and answered 487.
        Assert.Equal((null, CallSide.Local, 487), (legs[1].AnsweredAt, legs[1].HangupSide, legs[1].SipStatus));
        Assert.Equal(open.StartedAt.AddSeconds(3), legs[2].AnsweredAt);

        call.Wait(10);
        call.HungUp("caller", HangupCause.NormalClearing, HangupSide.Remote);
        call.HungUp("mobile", HangupCause.NormalClearing, HangupSide.Local);
        await rig.StopAsync();
        Assert.Equal("NormalClearing", (await rig.CallAsync("caller")).HangupCause);
    }

    [Fact]
    public async Task A_transfer_adds_the_targets_leg_to_the_call_and_the_call_ends_as_its_talk_did_not_as_transferred()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);

        call.Inbound("customer", from: "13812345678", to: "02012345678");
        call.Outbound("agent", to: "1001", onBehalfOf: "customer");
        call.Answered("agent");
        call.Answered("customer");
        call.Bridged("customer", "agent");
        call.Wait(20);
        // TransferAsync(customer, "1002"): ringback, the target called for the customer, the agent handed over.
        call.Unbridged("customer", "agent");
        call.Outbound("target", to: "1002", onBehalfOf: "customer");
        call.Wait(4);
        call.Answered("target");
        call.Bridged("customer", "target");
        call.Transferred("agent", "1002", succeeded: true, 200);
        call.HungUp("agent", HangupCause.Transferred, HangupSide.Local);
        call.Wait(40);
        call.HungUp("customer", HangupCause.NormalClearing, HangupSide.Remote);
        call.HungUp("target", HangupCause.NormalClearing, HangupSide.Local);
        await rig.StopAsync();

        var record = Assert.Single(await rig.AllCallsAsync());
        Assert.Equal(("customer", "NormalClearing", record.StartedAt.AddSeconds(64)), (record.CallUuid, record.HangupCause, record.EndedAt));
        // The customer hung up; they talked from their answer to the end, across the transfer.
        Assert.Equal((CallSide.Remote, TimeSpan.Zero, TimeSpan.FromSeconds(64)), (record.HangupSide, record.RingDuration, record.TalkDuration));
        var legs = await rig.Store.Calls.LegsAsync(record.Id);
        Assert.Equal([("customer", "customer", "NormalClearing"), ("agent", "extension", "Transferred"), ("target", "extension", "NormalClearing")],
            legs.Select(l => (l.LegUuid, l.Role, l.HangupCause)));
        var transferred = Assert.Single(await rig.Store.Calls.EventsAsync(record.Id), e => e.Kind == "transferred");
        Assert.Equal("leg=agent to=1002 succeeded=true sip=200", transferred.Detail);
    }

    [Fact]
    public async Task A_call_between_extensions_is_internal_with_no_customer()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);

        call.Inbound("from-phone", from: "1002", to: "echo", trunk: null);
        call.Answered("from-phone");
        call.HungUp("from-phone", HangupCause.NormalClearing, HangupSide.Remote);
        await rig.StopAsync();

        var record = await rig.CallAsync("from-phone");
        Assert.Equal((DataDirection.Internal, null, "echo"), (record.Direction, record.CustomerPhone, record.LocalNumber));
        Assert.Equal("extension", Assert.Single(await rig.Store.Calls.LegsAsync(record.Id)).Role);
    }

    [Fact]
    public async Task Two_calls_bridged_by_the_api_stay_two_records_each_naming_the_others_leg()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);

        call.Outbound("to-customer", to: "13812345678", from: "02012345678", trunk: "carrier");
        call.Outbound("to-agent", to: "1001");
        call.Answered("to-customer");
        call.Answered("to-agent");
        call.Bridged("to-customer", "to-agent");
        call.HungUp("to-customer", HangupCause.NormalClearing, HangupSide.Remote);
        call.HungUp("to-agent", HangupCause.NormalClearing, HangupSide.Local);
        await rig.StopAsync();

        var customer = await rig.CallAsync("to-customer");
        Assert.Equal((DataDirection.Outbound, "+8613812345678", "02012345678", "carrier"),
            (customer.Direction, customer.CustomerPhone, customer.LocalNumber, customer.Trunk));
        Assert.Equal((DataDirection.Internal, (string?)null), ((await rig.CallAsync("to-agent")).Direction, (await rig.CallAsync("to-agent")).Trunk));
        Assert.Contains(await rig.Store.Calls.EventsAsync(customer.Id), e => e.Kind == "bridged" && e.Detail == "leg=to-customer with=to-agent");
    }
}
