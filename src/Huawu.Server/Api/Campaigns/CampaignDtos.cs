using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.Data.Campaigns;
using Huawu.Server.Api.Auditing;

namespace Huawu.Server.Api.Campaigns;

/// <summary>A campaign to create. Omitted rules take their defaults (see docs/api.md).</summary>
public sealed record CampaignRequest(
    string? Name,
    IReadOnlyList<long>? Lists,
    int? Priority,
    long? ScriptVersionId,
    string? Purpose,
    IReadOnlyList<string>? Trunks,
    IReadOnlyList<string>? CallerIds,
    ScheduleDto? Schedule,
    LimitsDto? Limits,
    RetriesDto? Retries,
    string? NumberFormat,
    string? Prompt,
    CallbacksDto? Callbacks = null);

public sealed record ScheduleDto(string? Windows, string? Holidays, string? TimeZone);

public sealed record LimitsDto(int? MaxConcurrent, double? CallsPerSecondPerTrunk, int? RingTimeoutSeconds);

public sealed record RetriesDto(RetryDto? Busy, RetryDto? NoAnswer, RetryDto? Failed);

public sealed record RetryDto(int DelaySeconds, int MaxAttempts);

/// <summary>The robot's outcomes that promise a callback, its delay when the callee named no day, and the callbacks a number may get.</summary>
public sealed record CallbacksDto(IReadOnlyList<string>? Outcomes, int? DelaySeconds, int? MaxCallbacks);

/// <summary>A number waiting for its promised callback. The contact by id only: numbers stay out of campaign listings.</summary>
public sealed record CallbackResponse(long ContactId, DateTimeOffset CallbackAt, int Attempts, int Callbacks, string? LastOutcome)
{
    public static CallbackResponse From(ScheduledCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new(callback.ContactId, callback.CallbackAt, callback.Attempts, callback.Callbacks, callback.LastOutcome);
    }
}

public sealed record CampaignResponse(long Id, string Name, string Status, int Priority, IReadOnlyList<long> Lists, long? ScriptVersionId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IAuditTarget
{
    public string AuditId => Ids.Text(Id);

    public static CampaignResponse From(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new(campaign.Id, campaign.Name, campaign.Status, campaign.Priority, campaign.ListIds, campaign.ScriptVersionId, campaign.CreatedAt,
            campaign.UpdatedAt);
    }
}

public sealed record CampaignSettingsResponse(string Purpose, IReadOnlyList<string> Trunks, IReadOnlyList<string> CallerIds, ScheduleDto Schedule,
    LimitsDto Limits, RetriesDto Retries, string NumberFormat, string? Prompt, CallbacksDto Callbacks)
{
    public static CampaignSettingsResponse From(CampaignSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(Names.Of(s.Purpose), s.Trunks, s.CallerIds, new ScheduleDto(s.Schedule.Windows, s.Schedule.Holidays, s.Schedule.TimeZone),
            new LimitsDto(s.Limits.MaxConcurrent, s.Limits.CallsPerSecondPerTrunk, s.Limits.RingTimeoutSeconds),
            new RetriesDto(Retry(s.Retries.Busy), Retry(s.Retries.NoAnswer), Retry(s.Retries.Failed)), Names.Of(s.NumberFormat),
            s.Prompt is null ? null : Path.GetFileName(s.Prompt), new CallbacksDto(s.Callbacks.Outcomes, s.Callbacks.DelaySeconds, s.Callbacks.MaxCallbacks));
    }

    private static RetryDto Retry(RetryRule rule) => new(rule.DelaySeconds, rule.MaxAttempts);
}

/// <summary>Numbers by state (<c>due</c>: pending and due now) and by latest outcome; attempts by outcome (<c>dialing</c>: in flight).</summary>
public sealed record CampaignProgressResponse(long Pending, long Due, long Dialing, long Done, IReadOnlyDictionary<string, long> NumbersByOutcome,
    IReadOnlyDictionary<string, long> AttemptsByOutcome);

public sealed record CampaignDetailResponse(CampaignResponse Campaign, CampaignSettingsResponse Settings, CampaignProgressResponse Progress)
{
    public static CampaignDetailResponse From(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var n = report.Numbers;
        return new(CampaignResponse.From(report.Campaign), CampaignSettingsResponse.From(report.Settings),
            new CampaignProgressResponse(n.Pending, n.Due, n.Dialing, n.Done, n.ByOutcome, report.Attempts));
    }
}

/// <summary>
/// One attempt. The contact by id only: numbers stay out of campaign listings. <c>disposition</c>: what the conversation came to
/// (<c>callback</c> with <c>callbackAt</c>, the time promised, when the callee asked to be called back).
/// </summary>
public sealed record AttemptResponse(long Id, long? ContactId, int AttemptNumber, string Status, string? Outcome, string? Detail, int? SipStatus,
    string? CallId, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, string? Disposition, DateTimeOffset? CallbackAt)
{
    public static AttemptResponse From(CallAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Id, attempt.ContactId, attempt.AttemptNumber, attempt.Status, attempt.Outcome, attempt.Detail, attempt.SipStatus,
            attempt.CallUuid, attempt.CreatedAt, attempt.EndedAt, attempt.DispositionCode, attempt.CallbackAt);
    }
}

/// <summary>The rules in force for one preset, as the settings that would reproduce them.</summary>
public sealed record CompliancePresetResponse(string Preset, IReadOnlyDictionary<string, string> Settings);

public sealed record ComplianceRulesResponse(string DefaultPreset, string DefaultZone, IReadOnlyList<CompliancePresetResponse> Presets,
    IReadOnlyList<string> Holidays, IReadOnlyList<string> Problems);

/// <summary>Enum names as the API writes them.</summary>
internal static class Names
{
    public static string Of(CallPurpose purpose) => purpose == CallPurpose.Marketing ? "marketing" : "service";

    public static string Of(NumberFormat format) => format switch
    {
        NumberFormat.Digits => "digits",
        NumberFormat.National => "national",
        _ => "e164",
    };
}
