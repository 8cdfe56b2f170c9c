using System.Globalization;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Localization;

/// <summary>What the script tester says, in Simplified Chinese and English.</summary>
internal static class RehearsalTexts
{
    private static readonly Dictionary<string, (string Zh, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["robot"] = ("机器人", "robot"),
        ["you"] = ("你", "you"),
        ["node"] = ("节点", "node"),
        ["nothing"] = ("未识别", "nothing understood"),
        ["help"] = ("以客户身份输入要说的话。命令：/dtmf 1 按键，/silence 沉默，/bargein 插话，/transfer answered|no_answer 转接结果，/hangup 挂机，/quit 退出。",
            "Type what the callee says. Commands: /dtmf 1 keys, /silence no input, /bargein barge in, /transfer answered|no_answer, /hangup, /quit."),
        ["unknown-command"] = ("未知命令 '{0}'，输入 /help 查看帮助", "unknown command '{0}'; type /help"),
        ["missing-variables"] = ("缺少变量：{0}（用 --var 名称=值 提供）", "missing variables: {0} (give them with --var name=value)"),
        ["transfer"] = ("[转接到 {0} {1}，{2} 秒无人接听则回退；用 /transfer answered 或 /transfer no_answer 继续]",
            "[transfer to {0} {1}, fallback after {2} s; continue with /transfer answered or /transfer no_answer]"),
        ["dnc"] = ("[已加入免打扰名单：{0}]", "[added to the do-not-call list: {0}]"),
        ["model"] = ("[咨询大模型…]", "[asking the chat model…]"),
        ["ended"] = ("通话结束：结果 {0}，评级 {1}，标签 [{2}]，变量 {{{3}}}", "call ended: outcome {0}, grade {1}, tags [{2}], variables {{{3}}}"),
        ["diverged-node"] = ("第 {0} 轮（第 {1} 行，{2}）：期望到达节点 '{3}'，实际在 '{4}'（识别：{5}）",
            "turn {0} (line {1}, {2}): expected node '{3}', the robot is at '{4}' (understood: {5})"),
        ["diverged-intent"] = ("第 {0} 轮（第 {1} 行，{2}）：期望识别为 '{3}'，实际为 {4}", "turn {0} (line {1}, {2}): expected intent '{3}', understood {4}"),
        ["diverged-start"] = ("开场：期望节点 '{0}'，实际在 '{1}'", "opening: expected node '{0}', the robot is at '{1}'"),
        ["already-ended"] = ("第 {0} 轮（第 {1} 行）：通话已在节点 '{2}' 结束", "turn {0} (line {1}): the call already ended at node '{2}'"),
        ["diverged-end"] = ("结束：期望{0} '{1}'，实际为 '{2}'", "end: expected {0} '{1}', got '{2}'"),
        ["not-ended"] = ("结束：期望通话结束，但仍在节点 '{0}'", "end: expected the call to have ended, it is still at node '{0}'"),
        ["passed"] = ("通过：{0} 轮，路径 {1}", "passed: {0} turns, path {1}"),
    };

    public static string Get(ScriptLanguage language, string key, params object[] arguments)
    {
        var (zh, en) = Texts[key];
        return string.Format(CultureInfo.InvariantCulture, language == ScriptLanguage.Zh ? zh : en, arguments);
    }
}
