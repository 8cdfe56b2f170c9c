namespace Huawu.Robot.Scripts;

internal static partial class BuiltInGlobals
{
    // Keywords are matched inside the normalized utterance (not right after 不/没/别); keep them specific enough
    // not to catch business questions ("什么" alone would swallow "什么产品").
    private static readonly Dictionary<GlobalIntentKind, BuiltInGlobal> Zh = new()
    {
        [GlobalIntentKind.Robot] = new(
            ["机器人", "人工智能", "是不是真人", "是真人吗", "真人吗", "是ai吗", "自动语音", "是录音吗"], [],
            ["你是机器人吗", "你是真人还是机器", "我是在跟机器说话吗", "你是不是人工智能"],
            "是的，我是AI智能语音助理，有需要我也可以为您转接人工。", Continuation.Reprompt, 3, Continuation.HangUp("robot_rejected")),
        [GlobalIntentKind.Repeat] = new(
            ["再说一遍", "再说一次", "没听清", "没听见", "听不清", "重复一下", "你说什么", "再讲一遍"], [],
            ["你刚才说什么", "能再说一遍吗", "我没听清楚"],
            null, Listen, 3, Continuation.HangUp("poor_connection")),
        [GlobalIntentKind.Busy] = new(
            ["在忙", "很忙", "没空", "没时间", "在开会", "在开车", "晚点再打", "晚点打", "回头再说", "等会再打", "稍后再打", "不方便"], [],
            ["我现在很忙", "我在开会呢", "现在不方便说话", "你晚点再打过来吧"],
            "好的，不打扰您了，我们稍后再联系您，再见。", Continuation.HangUp("busy"), 1, Continuation.HangUp("busy")),
        [GlobalIntentKind.NotInterested] = new(
            ["不感兴趣", "没兴趣", "不需要", "不用了", "不要了", "用不着", "不考虑", "没需要"], [],
            ["我不需要", "我对这个没兴趣", "不用了谢谢", "这个我不考虑"],
            "好的，理解，不打扰您了，再见。", Continuation.HangUp("not_interested"), 1, Continuation.HangUp("not_interested"),
            IntentCount.Refusal),
        [GlobalIntentKind.DoNotCall] = new(
            ["不要再打", "别再打", "不要打了", "别打了", "以后别打", "别给我打电话", "不要给我打电话", "删掉我的号码", "拉黑"],
            ["(不要|别|不许|不准)再?(给我)?打(电话)?(过来|来)?了"],
            ["以后不要再打这个电话了", "别再给我打电话了", "把我的号码删了"],
            "好的，已为您登记，以后不会再打扰您。再见。", Continuation.HangUp("do_not_call"), 1, Continuation.HangUp("do_not_call"),
            IntentCount.Refusal),
        [GlobalIntentKind.Complaint] = new(
            ["投诉", "举报", "骚扰", "12315"], [],
            ["我要投诉你们", "你们这是骚扰电话"],
            "非常抱歉给您带来困扰，您的意见我们已经记录。再见。", Continuation.HangUp("complaint"), 1, Continuation.HangUp("complaint"),
            IntentCount.Refusal),
        [GlobalIntentKind.WrongNumber] = new(
            ["打错了", "不是本人", "不是我", "没这个人", "没有这个人", "找错人", "不认识他", "不认识她"], [],
            ["你打错电话了", "我不是他", "这里没有这个人"],
            "抱歉打扰您了，再见。", Continuation.HangUp("wrong_number"), 1, Continuation.HangUp("wrong_number")),
        [GlobalIntentKind.WhoIsThis] = new(
            ["你是谁", "哪位", "你是哪里", "哪里打来", "什么公司", "哪个公司", "干什么的"], [],
            ["你是哪里的", "请问你是哪位", "你们是什么公司"],
            "我是受委托给您来电的智能语音助理。", Continuation.Reprompt, 2, Continuation.Reprompt),
        [GlobalIntentKind.Silence] = new([], [], [],
            "喂，您好，您还在听吗？", Continuation.Reprompt, 2, Continuation.HangUp("no_response")),
        [GlobalIntentKind.NoMatch] = new([], [], [],
            "不好意思，我没太听明白。", Continuation.Reprompt, 3, Continuation.HangUp("no_match")),
    };
}
