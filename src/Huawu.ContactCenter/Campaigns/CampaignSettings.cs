using System.Text.Json;
using System.Text.Json.Serialization;

namespace Huawu.ContactCenter.Campaigns;

/// <summary>
/// A campaign's rules, stored as one JSON document (snake_case) with the campaign: why it calls (consent rules depend on it), the
/// trunks and caller IDs it dials with, its own schedule, its limits, its retry rules per outcome, how numbers are written in the
/// INVITE, and the prompt the interim answered-call handler plays.
/// </summary>
public sealed record CampaignSettings
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public Compliance.Rules.CallPurpose Purpose { get; init; } = Compliance.Rules.CallPurpose.Service;

    /// <summary>Trunks to dial through, used in turn (by name, as configured).</summary>
    public IReadOnlyList<string> Trunks { get; init; } = [];

    /// <summary>Caller IDs to present, used in turn; none: the trunk's own.</summary>
    public IReadOnlyList<string> CallerIds { get; init; } = [];

    public CampaignSchedule Schedule { get; init; } = new();

    public CampaignLimits Limits { get; init; } = new();

    public RetryRules Retries { get; init; } = new();

    public CallbackRules Callbacks { get; init; } = new();

    /// <summary>How the callee's number is written in the Request-URI: <c>e164</c> (+8613812345678), <c>digits</c> (8613812345678), <c>national</c> (013812345678).</summary>
    public NumberFormat NumberFormat { get; init; } = NumberFormat.E164;

    /// <summary>A WAV the interim handler plays to answered calls (8 kHz, 16-bit mono); none: a short tone.</summary>
    public string? Prompt { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CampaignSettings? FromJson(string? json, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(json)) return new CampaignSettings();
        try
        {
            return JsonSerializer.Deserialize<CampaignSettings>(json, Json) ?? new CampaignSettings();
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }
}

/// <summary>When the campaign runs, in its own zone: windows (<c>mon-fri 09:00-18:00</c>), and a holiday calendar it skips.</summary>
public sealed record CampaignSchedule
{
    public string Windows { get; init; } = "daily 09:00-20:00";

    public string? Holidays { get; init; }

    /// <summary>The campaign's zone (IANA); default the tenant's default zone.</summary>
    public string? TimeZone { get; init; }
}

public sealed record CampaignLimits
{
    /// <summary>Calls of this campaign in progress at once (ringing or talking).</summary>
    public int MaxConcurrent { get; init; } = 10;

    /// <summary>New calls per second on each trunk (the carrier's CPS limit).</summary>
    public double CallsPerSecondPerTrunk { get; init; } = 1;

    public int RingTimeoutSeconds { get; init; } = 30;
}

/// <summary>When to call a number again after each unsuccessful outcome, and how many attempts in all it may get.</summary>
public sealed record RetryRules
{
    public RetryRule Busy { get; init; } = new(300, 3);

    public RetryRule NoAnswer { get; init; } = new(1800, 3);

    public RetryRule Failed { get; init; } = new(600, 2);
}

/// <summary>
/// Which conversation outcomes promise the callee a callback, and when it happens: at the date the callee asked for (a date slot the
/// script collected), else <see cref="DelaySeconds"/> after the call; either way moved into the callee's calling window and the
/// campaign's schedule. A callback is an attempt like any other (the gate decides it, it counts in the number's attempts); a number
/// gets at most <see cref="MaxCallbacks"/> callbacks, after which a callback outcome is final.
/// </summary>
public sealed record CallbackRules
{
    /// <summary>The robot's outcomes that ask for a callback: the built-in <c>busy</c> ("call me another time") and <c>callback</c> (accepted after a hand-off nobody took).</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = ["busy", "callback"];

    public int DelaySeconds { get; init; } = 7200;

    public int MaxCallbacks { get; init; } = 2;
}

/// <param name="DelaySeconds">How long after the attempt ended the number is due again.</param>
/// <param name="MaxAttempts">The number's attempts in all (this one included) after which this outcome is final.</param>
public sealed record RetryRule(int DelaySeconds, int MaxAttempts);

public enum NumberFormat
{
    E164,
    Digits,
    National,
}
