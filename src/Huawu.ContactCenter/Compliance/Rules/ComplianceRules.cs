using Huawu.Data.Compliance;

namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>
/// One jurisdiction's calling rules, as the gate applies them to a callee: windows in the callee's local time, public holidays,
/// per-number frequency caps across every campaign and manual call, who needs consent, and whether a caller ID is required.
/// Do-not-call entries and refusals are honoured under every rule set.
/// </summary>
public sealed record ComplianceRules(string Preset)
{
    public IReadOnlyList<CallingWindow> Windows { get; init; } = [];

    /// <summary>No calls on this calendar's holidays (callee's local date); null when holidays are not restricted.</summary>
    public string? HolidayCalendar { get; init; }

    public int? MaxPer5Minutes { get; init; }

    public int? MaxPer24Hours { get; init; }

    public int? MaxPer30Days { get; init; }

    /// <summary>The calls that need a recorded, current consent (<see cref="ConsentPurpose"/>) before they are dialled.</summary>
    public IReadOnlySet<(CallKind Kind, CallPurpose Purpose)> ConsentRequired { get; init; } = new HashSet<(CallKind, CallPurpose)>();

    /// <summary>The consent purpose the gate looks up; its withdrawal refuses every call to the number, whatever the rules.</summary>
    public string ConsentPurpose { get; init; } = DefaultConsentPurpose;

    public bool CallerIdRequired { get; init; } = true;

    public const string DefaultConsentPurpose = "outbound_calls";

    public bool RequiresConsent(CallKind kind, CallPurpose purpose) => ConsentRequired.Contains((kind, purpose));

    /// <summary>The caps as the store counts them, shortest window first.</summary>
    public IReadOnlyList<FrequencyCap> Caps
    {
        get
        {
            var caps = new List<FrequencyCap>(3);
            if (MaxPer5Minutes is { } perFiveMinutes) caps.Add(new(GateRules.Cap5Minutes, TimeSpan.FromMinutes(5), perFiveMinutes));
            if (MaxPer24Hours is { } perDay) caps.Add(new(GateRules.Cap24Hours, TimeSpan.FromHours(24), perDay));
            if (MaxPer30Days is { } perMonth) caps.Add(new(GateRules.Cap30Days, TimeSpan.FromDays(30), perMonth));
            return caps;
        }
    }
}
