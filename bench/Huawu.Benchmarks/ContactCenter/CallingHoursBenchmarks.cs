using BenchmarkDotNet.Attributes;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Compliance.Zones;
using Huawu.ContactCenter.Phones;
using NodaTime;

namespace Huawu.Benchmarks.ContactCenter;

/// <summary>The gate's in-memory share of a decision: where the callee is (area code to zones) and whether the window is open there.</summary>
[MemoryDiagnoser]
public class CallingHoursBenchmarks
{
    private readonly CallingHours _hours = new(CompliancePresets.Us.Windows, null);
    private readonly Instant _at = Instant.FromUtc(2026, 1, 5, 20, 0);
    private readonly DateTimeZone _default = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Benchmark]
    public bool SplitAreaCode() => _hours.IsOpenEverywhere(_at, CalleeLocator.Locate("+18505550100", null, _default)!.Zones);

    [Benchmark]
    public Instant? NextOpening() => _hours.NextOpenEverywhere(_at.Plus(Duration.FromHours(6)), CalleeLocator.Locate("+18505550100", null, _default)!.Zones);

    [Benchmark]
    public PhoneParse ParseNationalMobile() => PhoneNumberParser.Parse("138-1234-5678", PhoneRegions.China);
}
