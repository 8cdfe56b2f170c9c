namespace Huawu.Robot.Validation;

/// <summary>Why a script was refused. Each code has a Chinese and an English message (<see cref="ScriptError.Format"/>).</summary>
public enum ScriptErrorCode
{
    /// <summary>The file is not valid YAML. Argument: the parser's message.</summary>
    YamlSyntax,

    /// <summary>The file's top level is not a mapping of script sections.</summary>
    NotAScript,

    /// <summary>The <c>format</c> is not one this version reads. Argument: the format.</summary>
    UnsupportedFormat,

    /// <summary>A key this place does not have (a typo, usually). Arguments: the key, the keys allowed.</summary>
    UnknownKey,

    /// <summary>A required key is absent. Argument: the key.</summary>
    MissingKey,

    /// <summary>A value of the wrong shape. Arguments: the key, what was expected.</summary>
    WrongType,

    /// <summary>A value outside what is allowed. Arguments: the key, the value, what is allowed.</summary>
    InvalidValue,

    /// <summary>A node has keys of two kinds (say it transfers and hangs up). Argument: the kinds.</summary>
    ConflictingNodeKind,

    /// <summary>A goto, next or start names no node. Argument: the name.</summary>
    UnknownTargetNode,

    /// <summary>No path from the start (or a global intent) leads to this node.</summary>
    UnreachableNode,

    /// <summary>A node that must speak (it asks, collects or transfers) has nothing to say.</summary>
    MissingPrompt,

    /// <summary>A recorded prompt without its <c>say</c> text (the transcript and the fallback voice need it). Argument: the id.</summary>
    PromptWithoutText,

    /// <summary>A recorded prompt id not in the script's <c>prompts</c>. Argument: the id.</summary>
    UnknownPrompt,

    /// <summary>A <c>{placeholder}</c> or condition name that no variable, slot or counter defines. Argument: the name.</summary>
    UndefinedVariable,

    /// <summary>A malformed <c>{placeholder}</c> text. Argument: the reason.</summary>
    BadTemplate,

    /// <summary>A regular expression that does not compile. Arguments: the pattern, the reason.</summary>
    BadRegex,

    /// <summary>A condition that does not parse. Arguments: the condition, the reason.</summary>
    BadCondition,

    /// <summary>A route names an intent the script does not define. Argument: the intent.</summary>
    UnknownIntent,

    /// <summary>An intent with no keyword, pattern or example: it could never match. Argument: the intent.</summary>
    IntentCannotMatch,

    /// <summary>Nodes that lead to each other without ever listening: the robot would talk forever. Argument: the cycle.</summary>
    CycleWithoutListen,

    /// <summary>A branch or collect whose routes can all fail, leaving the call nowhere.</summary>
    NoDefaultRoute,

    /// <summary>The disclosure was switched off without <c>reason</c>.</summary>
    DisclosureWithoutReason,

    /// <summary>The same id twice (nodes, knowledge entries). Argument: the id.</summary>
    DuplicateId,
}
