using System.Diagnostics.CodeAnalysis;

namespace Huawu.Speech.Tts.Ssml;

/// <summary>
/// Reads what a script says into a <see cref="SpeechText"/>: plain text passes through unchanged; text that starts
/// with <c>&lt;</c> must be the SSML subset (<c>&lt;speak&gt;</c> with <c>&lt;break&gt;</c> and
/// <c>&lt;say-as&gt;</c>), and anything else in it is an error with its position, so a typo in a script is caught
/// when the script is saved rather than spoken as markup to a caller.
/// </summary>
public static class SsmlParser
{
    public static bool TryParse(string input, [NotNullWhen(true)] out SpeechText? text, [NotNullWhen(false)] out SsmlError? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.AsSpan().TrimStart().StartsWith('<'))
        {
            text = SpeechText.Plain(input);
            error = null;
            return true;
        }
        return new SsmlReader(input).TryRead(out text, out error);
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the error's position and reason (for input a program wrote).</summary>
    public static SpeechText Parse(string input) =>
        TryParse(input, out var text, out var error) ? text : throw new FormatException(error.ToString());
}
