namespace Huawu.ContactCenter.Compliance;

/// <summary>The rules a refusal names (stored with each decision and on blocked attempts), and their meaning in both languages.</summary>
public static class GateRules
{
    public const string InvalidNumber = "invalid_number";
    public const string DoNotCall = "do_not_call";
    public const string Refused = "refused";
    public const string NoConsent = "no_consent";
    public const string CallerId = "caller_id";
    public const string Holiday = "holiday";
    public const string CallingHours = "calling_hours";
    public const string Cap5Minutes = "cap_5m";
    public const string Cap24Hours = "cap_24h";
    public const string Cap30Days = "cap_30d";

    public static string Describe(string rule) => rule switch
    {
        InvalidNumber => "not a dialable number (号码无效)",
        DoNotCall => "on the do-not-call list (在谢绝来电名单中)",
        Refused => "the callee withdrew consent (对方已拒绝)",
        NoConsent => "no consent recorded for this call (无同意记录)",
        CallerId => "no valid caller ID (无有效主叫号码)",
        Holiday => "a public holiday where the callee is (对方所在地法定节假日)",
        CallingHours => "outside calling hours in the callee's local time (不在对方当地允许呼叫时段)",
        Cap5Minutes => "too many calls to this number in 5 minutes (5分钟内呼叫次数超限)",
        Cap24Hours => "too many calls to this number in 24 hours (24小时内呼叫次数超限)",
        Cap30Days => "too many calls to this number in 30 days (30天内呼叫次数超限)",
        _ => rule,
    };
}
