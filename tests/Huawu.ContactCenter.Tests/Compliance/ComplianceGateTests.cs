using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Tests.Support;
using Huawu.Data.Compliance;

namespace Huawu.ContactCenter.Tests.Compliance;

/// <summary>Do-not-call, refusals, consent, caller ID and the frequency caps, on fake time (Monday 2026-01-05 09:00 UTC = 17:00 Beijing).</summary>
public sealed class ComplianceGateTests
{
    private const string Number = "+8613812345678";

    [Fact]
    public async Task Do_not_call_entries_of_every_source_refuse_for_good_and_the_refusal_is_recorded()
    {
        await using var rig = await GateRig.CreateAsync();
        await rig.Store.DoNotCall.AddAsync("138 1234 5678", "asked on the phone", "user:alice");
        await rig.Store.DoNotCall.AddAsync("+8613900000001", "said 不要再打了", "robot:call:7f3a");

        var internalEntry = await rig.DecideAsync(Number);
        var robotCaptured = await rig.DecideAsync("13900000001");

        Assert.Equal((GateRules.DoNotCall, true), (internalEntry.Rule, internalEntry.IsFinal));
        Assert.Contains("user:alice", internalEntry.Detail, StringComparison.Ordinal);
        Assert.Equal(GateRules.DoNotCall, robotCaptured.Rule);
        var history = await rig.Store.Gate.HistoryAsync(Number, DateTimeOffset.MinValue);
        Assert.Equal([(false, GateRules.DoNotCall)], history.Select(d => (d.Allowed, d.Rule)));
        Assert.Equal(internalEntry.DecisionId, history[0].Id);
    }

    [Fact]
    public async Task Marketing_needs_consent_where_the_rules_say_and_a_withdrawal_refuses_every_call()
    {
        await using var rig = await GateRig.CreateAsync();
        var noConsent = await rig.DecideAsync(Number, CallKind.Robot, CallPurpose.Marketing);
        Assert.Equal((GateRules.NoConsent, true), (noConsent.Rule, noConsent.IsFinal));
        Assert.True((await rig.DecideAsync(Number, CallKind.Robot, CallPurpose.Service)).Allowed); // CN: service calls need none

        await rig.Store.Consents.RecordAsync(Number, ComplianceRules.DefaultConsentPurpose, granted: true, "web form 2026-01-02");
        Assert.True((await rig.DecideAsync(Number, CallKind.Robot, CallPurpose.Marketing)).Allowed);

        rig.Time.Advance(TimeSpan.FromMinutes(10));
        await rig.Store.Consents.RecordAsync(Number, ComplianceRules.DefaultConsentPurpose, granted: false, "robot:call:91c2");
        Assert.Equal(GateRules.Refused, (await rig.DecideAsync(Number, CallKind.Robot, CallPurpose.Marketing)).Rule);
        Assert.Equal(GateRules.Refused, (await rig.DecideAsync(Number, CallKind.Human, CallPurpose.Service)).Rule);
    }

    [Fact]
    public async Task US_robot_calls_need_consent_even_for_service_but_live_service_calls_do_not()
    {
        await using var rig = await GateRig.CreateAsync();
        rig.At(2026, 1, 5, 15, 0); // 10:00 in New York
        Assert.Equal(GateRules.NoConsent, (await rig.DecideAsync("+1 212 555 0182", CallKind.Robot, CallPurpose.Service)).Rule);
        Assert.True((await rig.DecideAsync("+1 212 555 0182", CallKind.Human, CallPurpose.Service)).Allowed);
    }

    [Fact]
    public async Task A_call_without_a_valid_caller_ID_or_to_a_bad_number_is_refused()
    {
        await using var rig = await GateRig.CreateAsync();
        Assert.Equal(GateRules.CallerId, (await rig.DecideAsync(Number, callerId: null)).Rule);
        Assert.Equal(GateRules.CallerId, (await rig.DecideAsync(Number, callerId: "anonymous")).Rule);
        Assert.Equal(GateRules.InvalidNumber, (await rig.DecideAsync("12345")).Rule);
        await rig.SetAsync("compliance.cn.caller_id_required", "false");
        Assert.True((await rig.DecideAsync(Number, callerId: null)).Allowed);
    }

    [Fact]
    public async Task China_allows_3_calls_in_5_minutes_and_5_in_24_hours_per_number()
    {
        await using var rig = await GateRig.CreateAsync();
        var start = rig.Time.GetUtcNow();
        foreach (var minute in new[] { 0, 2, 4 })
        {
            rig.At(2026, 1, 5, 9, minute);
            Assert.True((await rig.DecideAsync(Number)).Allowed, $"call at +{minute} min");
        }
        rig.At(2026, 1, 5, 9, 4);
        var fourth = await rig.DecideAsync(Number);
        Assert.Equal((GateRules.Cap5Minutes, start.AddMinutes(5)), (fourth.Rule, fourth.RetryAt));
        Assert.True((await AtAsync(rig, 6)).Allowed);  // +0 left the window at +5
        Assert.True((await AtAsync(rig, 9)).Allowed);  // 5 calls in 24 hours
        var sixth = await AtAsync(rig, 15);
        Assert.Equal((GateRules.Cap24Hours, start.AddHours(24)), (sixth.Rule, sixth.RetryAt));
        Assert.True((await rig.DecideAsync("+8613900000009")).Allowed); // another number is unaffected

        rig.Time.Advance(start.AddHours(24) - rig.Time.GetUtcNow());
        Assert.True((await rig.DecideAsync(Number)).Allowed);
        var decisions = await rig.Store.Gate.HistoryAsync(Number, start);
        Assert.Equal(8, decisions.Count);
        Assert.Equal(6, decisions.Count(d => d.Allowed));
    }

    [Fact]
    public async Task A_cap_that_frees_outside_calling_hours_retries_when_they_open()
    {
        await using var rig = await GateRig.CreateAsync();
        await rig.SetAsync("compliance.cn.cap_24h", "1");
        rig.At(2026, 1, 6, 1, 0); // 09:00 Beijing
        Assert.True((await rig.DecideAsync(Number)).Allowed);
        rig.At(2026, 1, 6, 2, 0);
        var refused = await rig.DecideAsync(Number);
        Assert.Equal((GateRules.Cap24Hours, new DateTimeOffset(2026, 1, 7, 1, 0, 0, TimeSpan.Zero)), (refused.Rule, refused.RetryAt));
        await rig.SetAsync("compliance.cn.cap_24h", "none");
        await rig.SetAsync("compliance.cn.cap_30d", "2");
        Assert.True((await rig.DecideAsync(Number)).Allowed);
        rig.At(2026, 1, 6, 12, 0); // 20:00 Beijing
        var monthly = await rig.DecideAsync(Number);
        // Frees 30 days after the first call (2026-02-05 01:00 UTC = 09:00 Beijing), inside the hours.
        Assert.Equal((GateRules.Cap30Days, new DateTimeOffset(2026, 2, 5, 1, 0, 0, TimeSpan.Zero)), (monthly.Rule, monthly.RetryAt));
    }

    private static async Task<GateVerdict> AtAsync(GateRig rig, int minute)
    {
        rig.At(2026, 1, 5, 9, minute);
        return await rig.DecideAsync(Number);
    }
}
