using System.Globalization;
using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Localization;

/// <summary>The script errors in Simplified Chinese and English; arguments fill <c>{0}</c>, <c>{1}</c>… in order.</summary>
internal static class ScriptMessages
{
    private static readonly Dictionary<ScriptErrorCode, (string Zh, string En)> Texts = new()
    {
        [ScriptErrorCode.YamlSyntax] = ("YAML 语法错误：{0}", "YAML syntax error: {0}"),
        [ScriptErrorCode.NotAScript] = ("文件顶层必须是话术各部分的映射（name、nodes……）", "the top level must be a mapping of script sections (name, nodes…)"),
        [ScriptErrorCode.UnsupportedFormat] = ("不支持的格式 '{0}'（本版本读取 huawu-script/1）", "unsupported format '{0}' (this version reads huawu-script/1)"),
        [ScriptErrorCode.UnknownKey] = ("未知的键 '{0}'（此处可用：{1}）", "unknown key '{0}' (allowed here: {1})"),
        [ScriptErrorCode.MissingKey] = ("缺少必需的键 '{0}'", "missing required key '{0}'"),
        [ScriptErrorCode.WrongType] = ("'{0}' 应为{1}", "'{0}' must be {1}"),
        [ScriptErrorCode.InvalidValue] = ("'{0}' 的值 '{1}' 无效（允许：{2}）", "'{0}' has an invalid value '{1}' (allowed: {2})"),
        [ScriptErrorCode.ConflictingNodeKind] = ("节点只能是一种类型，却同时写了：{0}", "a node is one kind only, but has: {0}"),
        [ScriptErrorCode.UnknownTargetNode] = ("目标节点 '{0}' 不存在", "unknown target node '{0}'"),
        [ScriptErrorCode.UnreachableNode] = ("从开始节点或全局意图都无法到达此节点", "unreachable: no path from the start or a global intent leads here"),
        [ScriptErrorCode.MissingPrompt] = ("缺少话术：此节点需要说话，却既没有 say 文本也没有录音", "missing prompt: this node must speak but has no say text or recording"),
        [ScriptErrorCode.PromptWithoutText] = ("录音 '{0}' 缺少对应的 say 文本（转写和合成兜底需要）", "recorded prompt '{0}' has no say text (the transcript and the synthesized fallback need it)"),
        [ScriptErrorCode.UnknownPrompt] = ("录音 '{0}' 未在 prompts 中定义", "recorded prompt '{0}' is not listed under prompts"),
        [ScriptErrorCode.UndefinedVariable] = ("未定义的变量 '{0}'（不是变量、槽位或计数器）", "undefined variable '{0}' (not a variable, slot or counter)"),
        [ScriptErrorCode.BadTemplate] = ("文本占位符有误：{0}", "bad placeholder text: {0}"),
        [ScriptErrorCode.BadRegex] = ("正则表达式 '{0}' 有误：{1}", "bad regular expression '{0}': {1}"),
        [ScriptErrorCode.BadCondition] = ("条件 '{0}' 有误：{1}", "bad condition '{0}': {1}"),
        [ScriptErrorCode.UnknownIntent] = ("意图 '{0}' 未定义（intents 或全局意图中都没有）", "intent '{0}' is not defined (neither under intents nor global)"),
        [ScriptErrorCode.IntentCannotMatch] = ("意图 '{0}' 没有关键词、正则或例句，永远无法匹配", "intent '{0}' has no keywords, patterns or examples and can never match"),
        [ScriptErrorCode.CycleWithoutListen] = ("节点循环中没有任何聆听节点，机器人会一直说下去：{0}", "cycle without a listen, the robot would talk forever: {0}"),
        [ScriptErrorCode.NoDefaultRoute] = ("所有路由都可能不满足，需要一条无条件的默认路由（或 next）", "every route can fail; add a default route without conditions (or next)"),
        [ScriptErrorCode.DisclosureWithoutReason] = ("关闭 AI 身份告知必须写明 reason", "the AI disclosure can only be switched off with a reason"),
        [ScriptErrorCode.DuplicateId] = ("重复的 id '{0}'", "duplicate id '{0}'"),
    };

    // The shapes a WrongType error expects, named by the loader in English and said in the reader's language.
    private static readonly Dictionary<string, string> ShapesZh = new(StringComparer.Ordinal)
    {
        ["text"] = "文本",
        ["a number"] = "数字",
        ["a whole number"] = "整数",
        ["true or false"] = "true 或 false",
        ["a list"] = "列表",
        ["a mapping"] = "映射",
        ["text or a list of texts"] = "文本或文本列表",
        ["reprompt, listen, {goto: node} or {hangup: outcome}"] = "reprompt、listen、{goto: 节点} 或 {hangup: 结果}",
    };

    public static string Describe(ScriptErrorCode code, IReadOnlyList<string> arguments, ScriptLanguage language)
    {
        var (zh, en) = Texts[code];
        object[] values = [.. arguments];
        if (code == ScriptErrorCode.WrongType && language == ScriptLanguage.Zh && arguments.Count > 1 &&
            ShapesZh.TryGetValue(arguments[1], out var shape))
        {
            values[1] = shape;
        }
        return string.Format(CultureInfo.InvariantCulture, language == ScriptLanguage.Zh ? zh : en, values);
    }
}
