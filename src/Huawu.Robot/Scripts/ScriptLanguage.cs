namespace Huawu.Robot.Scripts;

/// <summary>The language a script speaks; it picks the built-in global intents, slot words and default texts.</summary>
public enum ScriptLanguage
{
    /// <summary>Simplified Chinese (zh).</summary>
    Zh,

    /// <summary>English (en).</summary>
    En,
}
