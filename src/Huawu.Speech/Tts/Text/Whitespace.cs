using System.Text;

namespace Huawu.Speech.Tts.Text;

/// <summary>Whitespace as speech sees it: a run of it is one word gap, or a line break when it holds one and lines matter.</summary>
internal static class Whitespace
{
    public static string Collapse(string text, bool keepLineBreaks)
    {
        var builder = new StringBuilder(text.Length);
        var inRun = false;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
                inRun = false;
            }
            else if (!inRun)
            {
                builder.Append(keepLineBreaks && c == '\n' ? '\n' : ' ');
                inRun = true;
            }
            else if (keepLineBreaks && c == '\n')
            {
                builder[^1] = '\n';
            }
        }
        return builder.ToString();
    }
}
