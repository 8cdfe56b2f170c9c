using System.Collections.Frozen;
using Huawu.ContactCenter.Compliance.Holidays;
using NodaTime;

namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>
/// The rule sets Huawu ships, one per jurisdiction; each value's source is in docs/compliance.md and in the comments here. A
/// callee's rules are chosen by their number (<see cref="ForCountry"/>); tenants change any field with settings.
/// </summary>
public static class CompliancePresets
{
    public const string China = "cn", UnitedStates = "us", Canada = "ca", UnitedKingdom = "uk", EuropeanUnion = "eu";

    private static readonly HashSet<(CallKind, CallPurpose)> Marketing = [(CallKind.Robot, CallPurpose.Marketing), (CallKind.Human, CallPurpose.Marketing)];

    /// <summary>
    /// China. Hours 08:00-21:00 and at most 3 calls per 5 minutes and 5 per 24 hours per number: the carriers' rules for outbound
    /// (营销外呼) lines, as issue 6 states them (contract terms, not one public regulation: confirm with your carrier). Consent for
    /// commercial calls and stopping at once on refusal: 消费者权益保护法实施条例 (State Council Decree 778, in force 2024-07-01), art. 24.
    /// </summary>
    public static ComplianceRules Cn { get; } = new(China)
    {
        Windows = [CallingWindow.Daily(8, 21)],
        MaxPer5Minutes = 3,
        MaxPer24Hours = 5,
        ConsentRequired = Marketing,
    };

    /// <summary>
    /// United States (TCPA). 8 a.m.-9 p.m. at the called party's location: 47 CFR 64.1200(c)(1). National and internal do-not-call:
    /// 64.1200(c)(2), (d). Artificial or prerecorded voice (an AI voice included: FCC 24-17, February 2024) needs prior express consent,
    /// written for telemarketing: 64.1200(a)(1)-(3). Caller ID must be sent: 64.1601(e). No federal cap; 3 per 24 hours follows state
    /// telephone-solicitation laws that set one (Florida's, as amended in 2021), the strictest common reading.
    /// </summary>
    public static ComplianceRules Us { get; } = new(UnitedStates)
    {
        Windows = [CallingWindow.Daily(8, 21)],
        MaxPer24Hours = 3,
        ConsentRequired = new HashSet<(CallKind, CallPurpose)> { (CallKind.Robot, CallPurpose.Marketing), (CallKind.Robot, CallPurpose.Service) },
    };

    /// <summary>
    /// Canada. CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules) s. 11: weekdays 9:00-21:30, weekends 10:00-18:00;
    /// Part IV (Automatic Dialing-Announcing Devices): prior express consent for automated calls; National DNCL: Part II.
    /// </summary>
    public static ComplianceRules Ca { get; } = new(Canada)
    {
        Windows =
        [
            new CallingWindow(CallingWindow.Weekdays, new LocalTime(9, 0), new LocalTime(21, 30)),
            new CallingWindow(new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday }, new LocalTime(10, 0), new LocalTime(18, 0)),
        ],
        ConsentRequired = new HashSet<(CallKind, CallPurpose)> { (CallKind.Robot, CallPurpose.Marketing), (CallKind.Robot, CallPurpose.Service) },
    };

    /// <summary>
    /// United Kingdom. PECR 2003 reg. 19: automated marketing calls need prior consent; reg. 21: live marketing calls screened against the
    /// TPS (the do-not-call list) ; reg. 24 and Ofcom General Condition C6: a valid, dialable caller ID. No statute sets hours or a cap:
    /// Monday-Saturday 08:00-21:00 and 3 calls per 24 hours are Huawu's defaults against Ofcom's persistent-misuse policy (Communications
    /// Act 2003 s. 128, "Statement of policy on the persistent misuse of an electronic communications network or service", 2016).
    /// </summary>
    public static ComplianceRules Uk { get; } = new(UnitedKingdom)
    {
        Windows =
        [
            new CallingWindow(new HashSet<IsoDayOfWeek>(CallingWindow.Weekdays) { IsoDayOfWeek.Saturday }, new LocalTime(8, 0), new LocalTime(21, 0)),
        ],
        MaxPer24Hours = 3,
        ConsentRequired = new HashSet<(CallKind, CallPurpose)> { (CallKind.Robot, CallPurpose.Marketing) },
    };

    /// <summary>
    /// European Union. Automated calling for direct marketing needs prior consent: Directive 2002/58/EC (ePrivacy) art. 13(1); several
    /// member states require it for every marketing call to consumers (Germany, UWG § 7(2) no. 1), so marketing needs consent here.
    /// Hours, holidays and the 30-day cap follow France's Décret n° 2022-1313 (Code de la consommation art. D. 223-8): weekdays
    /// 10:00-13:00 and 14:00-20:00, never on weekends or public holidays, at most 4 calls per 30 days — the strictest national rule,
    /// so a campaign that keeps it keeps the others'.
    /// </summary>
    public static ComplianceRules Eu { get; } = new(EuropeanUnion)
    {
        Windows =
        [
            new CallingWindow(CallingWindow.Weekdays, new LocalTime(10, 0), new LocalTime(13, 0)),
            new CallingWindow(CallingWindow.Weekdays, new LocalTime(14, 0), new LocalTime(20, 0)),
        ],
        HolidayCalendar = HolidayCalendars.France,
        MaxPer30Days = 4,
        ConsentRequired = Marketing,
    };

    public static IReadOnlyList<ComplianceRules> All { get; } = [Cn, Us, Ca, Uk, Eu];

    private static readonly FrozenDictionary<string, ComplianceRules> ById = All.ToFrozenDictionary(r => r.Preset, StringComparer.Ordinal);

    // EU member states' calling codes (2025): numbers there get the EU rules.
    private static readonly FrozenSet<string> EuCountryCodes = new[]
    {
        "43", "32", "359", "385", "357", "420", "45", "372", "358", "33", "49", "30", "36", "353", "39", "371", "370", "352", "356", "31",
        "48", "351", "40", "421", "386", "34", "46",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static ComplianceRules? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The preset for a callee's country (ISO code from the number, or its calling code); null when none is specific to it.</summary>
    public static string? ForCountry(string? isoCountry, string countryCode) => isoCountry switch
    {
        "CN" => China,
        "US" => UnitedStates,
        "CA" => Canada,
        "GB" => UnitedKingdom,
        _ => countryCode switch
        {
            "86" => China,
            "44" => UnitedKingdom,
            _ when EuCountryCodes.Contains(countryCode) => EuropeanUnion,
            _ => null,
        },
    };
}
