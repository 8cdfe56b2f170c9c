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

    /// <summary>
    /// An answered call whose conversation asked for a callback (<see cref="CallbackRules.Outcomes"/>): the number is due again at the time
    /// promised. The attempt's outcome stays <see cref="Answered"/>; its disposition and the number's latest outcome say this.
    /// </summary>
    public const string Callback = "callback";

    public static IReadOnlyList<string> All { get; } = [Answered, Busy, NoAnswer, Failed, Blocked];
}
