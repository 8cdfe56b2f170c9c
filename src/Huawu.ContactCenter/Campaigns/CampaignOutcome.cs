namespace Huawu.ContactCenter.Campaigns;

/// <summary>How an attempt ended, as attempts and the queue record it.</summary>
public static class CampaignOutcome
{
    public const string Answered = "answered";
    public const string Busy = "busy";
    public const string NoAnswer = "no_answer";

    /// <summary>Not connected for another reason: the SIP status and Q.850 cause say which.</summary>
    public const string Failed = "failed";

    /// <summary>The compliance gate refused the number for good (its rule in the attempt's detail); never dialled.</summary>
    public const string Blocked = "blocked";

    public static IReadOnlyList<string> All { get; } = [Answered, Busy, NoAnswer, Failed, Blocked];
}
