using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.Server.Api.Validation;

namespace Huawu.Server.Api.Campaigns;

/// <summary>A <see cref="CampaignRequest"/> as a definition: omitted fields take <see cref="CampaignSettings"/>' defaults.</summary>
internal static class CampaignRequests
{
    /// <summary>Where prompt WAVs are kept, under the data directory; the API names them by file name only.</summary>
    public const string PromptFolder = "prompts";

    public static CampaignDefinition? ToDefinition(CampaignRequest request, string dataDirectory, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var defaults = new CampaignSettings();
        CallPurpose purpose = CallPurpose.Service;
        if (request.Purpose is { } p && !TryParse(p, out purpose)) errors.Add("purpose", "marketing or service");
        var format = defaults.NumberFormat;
        if (request.NumberFormat is { } f && !Enum.TryParse(f, ignoreCase: true, out format)) errors.Add("numberFormat", "e164, digits or national");
        string? prompt = null;
        if (request.Prompt is { } name)
        {
            // A file name in <data>/prompts, never a path: the API cannot point the dialer at other files on the server.
            if (name.Length is 0 or > 100 || name != Path.GetFileName(name) || name.StartsWith('.')) errors.Add("prompt", $"a file name in the data directory's {PromptFolder} folder");
            else prompt = Path.Combine(Path.GetFullPath(dataDirectory), PromptFolder, name);
        }
        if (errors.Any) return null;
        var settings = defaults with
        {
            Purpose = purpose,
            Trunks = request.Trunks ?? defaults.Trunks,
            CallerIds = request.CallerIds ?? defaults.CallerIds,
            Schedule = new CampaignSchedule
            {
                Windows = request.Schedule?.Windows ?? defaults.Schedule.Windows,
                Holidays = request.Schedule?.Holidays,
                TimeZone = request.Schedule?.TimeZone,
            },
            Limits = new CampaignLimits
            {
                MaxConcurrent = request.Limits?.MaxConcurrent ?? defaults.Limits.MaxConcurrent,
                CallsPerSecondPerTrunk = request.Limits?.CallsPerSecondPerTrunk ?? defaults.Limits.CallsPerSecondPerTrunk,
                RingTimeoutSeconds = request.Limits?.RingTimeoutSeconds ?? defaults.Limits.RingTimeoutSeconds,
            },
            Retries = new RetryRules
            {
                Busy = Rule(request.Retries?.Busy) ?? defaults.Retries.Busy,
                NoAnswer = Rule(request.Retries?.NoAnswer) ?? defaults.Retries.NoAnswer,
                Failed = Rule(request.Retries?.Failed) ?? defaults.Retries.Failed,
            },
            NumberFormat = format,
            Prompt = prompt,
            Callbacks = new CallbackRules
            {
                Outcomes = request.Callbacks?.Outcomes ?? defaults.Callbacks.Outcomes,
                DelaySeconds = request.Callbacks?.DelaySeconds ?? defaults.Callbacks.DelaySeconds,
                MaxCallbacks = request.Callbacks?.MaxCallbacks ?? defaults.Callbacks.MaxCallbacks,
            },
        };
        return new CampaignDefinition(request.Name ?? "", request.Lists ?? [], settings)
        {
            Priority = request.Priority ?? 0,
            ScriptVersionId = request.ScriptVersionId,
        };
    }

    public static bool TryParse(string text, out CallPurpose purpose)
    {
        purpose = CallPurpose.Service;
        if (text.Equals("service", StringComparison.OrdinalIgnoreCase)) return true;
        purpose = CallPurpose.Marketing;
        return text.Equals("marketing", StringComparison.OrdinalIgnoreCase);
    }

    private static RetryRule? Rule(RetryDto? dto) => dto is null ? null : new RetryRule(dto.DelaySeconds, dto.MaxAttempts);

    /// <summary>Field names of the API (camelCase) for the validator's snake_case ones.</summary>
    public static string FieldOf(string field) => string.Join('.', field.Split('.').Select(part =>
    {
        var words = part.Split('_');
        return words[0] + string.Concat(words.Skip(1).Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
    }));
}
