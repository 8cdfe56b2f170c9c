using System.Text;
using Huawu.Speech.Tts.Reading;

namespace Huawu.Speech.Tts.Text;

/// <summary>
/// Turns a <see cref="SpeechText"/> into what an engine does, in order: sentences (with <c>&lt;say-as&gt;</c> values
/// read out in the language) and pauses. Every engine plays the same script, so breaks, number readings and
/// sentence streaming behave alike whichever engine speaks; the script's text is also the cache's normalized text.
/// </summary>
internal static class SpeechScript
{
    public static List<ScriptSegment> Build(SpeechText text, string? language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<ScriptSegment>();
        var words = new StringBuilder();
        foreach (var part in text.Parts)
        {
            switch (part)
            {
                case SpeechPart.Text plain:
                    Append(words, plain.Value);
                    break;
                case SpeechPart.SayAs sayAs:
                    Append(words, NumberReading.Read(sayAs.Kind, sayAs.Value, language) ?? Unread(sayAs));
                    break;
                case SpeechPart.Break pause:
                    Flush(words, segments);
                    AddPause(segments, pause.Duration);
                    break;
            }
        }
        Flush(words, segments);
        return segments;
    }

    /// <summary>A canonical form of the script: equal for texts that sound the same (whitespace, markup spelling).</summary>
    public static string Normalize(IReadOnlyList<ScriptSegment> segments) =>
        string.Join("\n", segments.Select(segment => segment switch
        {
            ScriptSegment.Sentence sentence => "s " + sentence.Text,
            ScriptSegment.Pause pause => "p " + pause.Duration.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException("A script segment of an unknown kind."),
        }));

    // Without a reading table the engine reads the value itself; spacing the digits makes it read them one by one.
    private static string Unread(SpeechPart.SayAs sayAs) =>
        sayAs.Kind == SayAsKind.Cardinal ? sayAs.Value : string.Join(" ", sayAs.Value.Where(char.IsAsciiDigit));

    private static void Append(StringBuilder words, string piece)
    {
        var collapsed = Whitespace.Collapse(piece, keepLineBreaks: true);
        if (collapsed.Length == 0) return;
        // Chinese writing joins without spaces; other words need one, but punctuation clings to what precedes it.
        var last = words.Length > 0 ? words[^1] : ' ';
        var first = collapsed[0];
        if (!char.IsWhiteSpace(last) && !Cjk.IsCjk(last) && char.IsLetterOrDigit(first) && !Cjk.IsCjk(first)) words.Append(' ');
        words.Append(collapsed);
    }

    private static void Flush(StringBuilder words, List<ScriptSegment> segments)
    {
        foreach (var sentence in SentenceSplitter.Split(words.ToString())) segments.Add(new ScriptSegment.Sentence(sentence));
        words.Clear();
    }

    private static void AddPause(List<ScriptSegment> segments, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return;
        if (segments.Count > 0 && segments[^1] is ScriptSegment.Pause previous)
        {
            segments[^1] = new ScriptSegment.Pause(previous.Duration + duration);
            return;
        }
        segments.Add(new ScriptSegment.Pause(duration));
    }
}
