using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Compliance.Zones;
using Huawu.ContactCenter.Phones;
using Huawu.Data;
using Huawu.Data.Compliance;
using NodaTime;
using NodaTime.Extensions;

namespace Huawu.ContactCenter.Compliance;

/// <summary>
/// The gate over the store: each check in the order that makes the strongest reason the one recorded — final refusals first
/// (number, do-not-call, withdrawn consent, consent, caller ID), then time (holidays, hours), then the caps, counted and taken in
/// one transaction by <see cref="IGateLedger.ReserveAsync"/>.
/// </summary>
public sealed class ComplianceGate(DataStore store, ComplianceRuleSource rules, TimeProvider time) : IComplianceGate
{
    public async Task<GateVerdict> DecideAsync(GateRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var book = await rules.CurrentAsync(cancellation);
        if (!store.PhoneNumbers.TryNormalize(request.Phone, out var e164) || CalleeLocator.Locate(e164, request.ListZone, book.DefaultZone) is not { } callee)
            return GateVerdict.Refuse(GateRules.InvalidNumber, "the number cannot be normalized to E.164", null, null);
        var applied = book.RulesFor(callee);
        if (await CheckPersonAsync(e164, request, applied, cancellation) is { } final) return await RecordAsync(e164, request, final, cancellation);

        var hours = new CallingHours(applied.Windows, book.Calendar(applied.HolidayCalendar));
        var now = time.GetUtcNow().ToInstant();
        if (!hours.IsOpenEverywhere(now, callee.Zones))
        {
            var rule = hours.IsHolidayAnywhere(now, callee.Zones) ? GateRules.Holiday : GateRules.CallingHours;
            var opens = hours.NextOpenEverywhere(now, callee.Zones);
            var detail = $"{applied.Preset} rules: {WindowText.Format(applied.Windows)} in {string.Join(", ", callee.Zones.Select(z => z.Id))}" +
                (opens is null ? "; the windows never open in all of them" : "");
            return await RecordAsync(e164, request, GateVerdict.Refuse(rule, detail, opens?.ToDateTimeOffset(), null), cancellation);
        }

        var slot = await store.Gate.ReserveAsync(new SlotRequest(e164, applied.Caps, request.Actor)
        {
            CampaignId = request.CampaignId,
            ContactId = request.ContactId,
            CallUuid = request.CallUuid,
            Node = request.Node,
        }, cancellation);
        if (slot.Value is not { } reservation) return GateVerdict.Refuse(GateRules.InvalidNumber, slot.Detail ?? "refused by the store", null, null);
        if (reservation.Reserved) return GateVerdict.Allow(reservation.DecisionId, reservation.Attempt);
        // The cap frees at FreesAt; the call may go then if the hours are open, else when they next open.
        var retry = hours.NextOpenEverywhere(reservation.FreesAt!.Value.ToInstant(), callee.Zones)?.ToDateTimeOffset();
        return GateVerdict.Refuse(reservation.CapReached!.Rule, $"{applied.Preset} rules: at most {reservation.CapReached.Limit} calls per {Window(reservation.CapReached)}",
            retry, reservation.DecisionId);
    }

    public async Task<CalleeHours?> CalleeHoursAsync(string phone, string? listZone, CancellationToken cancellation = default)
    {
        var book = await rules.CurrentAsync(cancellation);
        if (!store.PhoneNumbers.TryNormalize(phone, out var e164) || CalleeLocator.Locate(e164, listZone, book.DefaultZone) is not { } callee) return null;
        var applied = book.RulesFor(callee);
        return new CalleeHours(new CallingHours(applied.Windows, book.Calendar(applied.HolidayCalendar)), callee.Zones);
    }

    private async Task<GateVerdict?> CheckPersonAsync(string e164, GateRequest request, ComplianceRules applied, CancellationToken cancellation)
    {
        if (await store.DoNotCall.FindAsync(e164, cancellation) is { } listed)
            return GateVerdict.Refuse(GateRules.DoNotCall, $"listed by {listed.Source}: {listed.Reason}", null, null);
        var consent = await store.Consents.CurrentAsync(e164, applied.ConsentPurpose, cancellation);
        if (consent is { Granted: false })
            return GateVerdict.Refuse(GateRules.Refused, $"consent '{applied.ConsentPurpose}' withdrawn ({consent.Source})", null, null);
        if (applied.RequiresConsent(request.Kind, request.Purpose) && consent is null)
            return GateVerdict.Refuse(GateRules.NoConsent, $"{applied.Preset} rules: {Describe(request)} calls need consent '{applied.ConsentPurpose}'", null, null);
        if (applied.CallerIdRequired && !IsDialable(request.CallerId))
            return GateVerdict.Refuse(GateRules.CallerId, $"{applied.Preset} rules: a valid caller ID is required", null, null);
        return null;
    }

    private async Task<GateVerdict> RecordAsync(string e164, GateRequest request, GateVerdict verdict, CancellationToken cancellation)
    {
        var recorded = await store.Gate.RecordRefusalAsync(e164, verdict.Rule!, verdict.Detail, request.CampaignId, request.Actor, cancellation);
        return verdict with { DecisionId = recorded.Succeeded ? recorded.Value : null };
    }

    // A caller ID must be a number the callee can call back (47 CFR 64.1601(e); Ofcom GC C6): any region's E.164 form will do.
    private bool IsDialable(string? callerId) =>
        callerId is not null && (store.PhoneNumbers.TryNormalize(callerId, out _) || PhoneNumberParser.Parse(callerId, PhoneRegions.UnitedStates).IsValid);

    private static string Describe(GateRequest request) =>
        $"{(request.Kind == CallKind.Robot ? "automated" : "live")} {(request.Purpose == CallPurpose.Marketing ? "marketing" : "service")}";

    private static string Window(FrequencyCap cap) =>
        cap.Window >= TimeSpan.FromDays(1) ? $"{cap.Window.TotalDays:0} days" : cap.Window >= TimeSpan.FromHours(1) ? $"{cap.Window.TotalHours:0} hours" : $"{cap.Window.TotalMinutes:0} minutes";
}
