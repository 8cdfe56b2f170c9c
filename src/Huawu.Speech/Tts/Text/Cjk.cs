namespace Huawu.Speech.Tts.Text;

/// <summary>Characters of Chinese writing, which puts no spaces between words.</summary>
internal static class Cjk
{
    /// <summary>CJK ideographs, their punctuation (U+3000–U+303F) and full-width forms (U+FF00–U+FFEF).</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3000' and <= '\u303F' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}
