using Huawu.Robot.Localization;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Validation;

/// <summary>One reason a script was refused: what, in which node, where in the file.</summary>
public sealed record ScriptError(ScriptErrorCode Code, string? NodeId, SourcePosition Position, IReadOnlyList<string> Arguments)
{
    /// <summary>The message in a language, prefixed with the file, line and column and the node: <c>loan.yaml:12:7: node 'greet': …</c>.</summary>
    public string Format(ScriptLanguage language, string? sourceName = null)
    {
        var where = Position.IsKnown ? $"{sourceName ?? "script"}:{Position.Line}:{Position.Column}: " : $"{sourceName ?? "script"}: ";
        var node = NodeId is null ? "" : language == ScriptLanguage.Zh ? $"节点 '{NodeId}'：" : $"node '{NodeId}': ";
        return where + node + ScriptMessages.Describe(Code, Arguments, language);
    }

    public override string ToString() => Format(ScriptLanguage.En);
}
