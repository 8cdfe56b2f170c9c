using Huawu.Robot.Scripts;

namespace Huawu.Robot.Localization;

/// <summary>Which language the command line speaks: <c>--lang</c>, else the locale (<c>LC_ALL</c>, <c>LANG</c>) when it is zh or en, else a fallback.</summary>
public static class UiLanguage
{
    public static ScriptLanguage? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" => null,
        var v when v.StartsWith("zh", StringComparison.Ordinal) => ScriptLanguage.Zh,
        var v when v.StartsWith("en", StringComparison.Ordinal) => ScriptLanguage.En,
        _ => null,
    };

    public static ScriptLanguage Resolve(string? option, ScriptLanguage fallback = ScriptLanguage.En) =>
        Parse(option) ?? Parse(Environment.GetEnvironmentVariable("LC_ALL")) ?? Parse(Environment.GetEnvironmentVariable("LANG")) ?? fallback;
}
