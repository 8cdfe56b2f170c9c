using System.Text;

namespace Huawu.Speech.Tts.Prompts;

/// <summary>
/// Recorded prompts bound to script lines, the way Chinese robot scripts use a human voice for every fixed line:
/// a directory of WAV files and an index saying what each one says. The index (<c>prompts.txt</c>, UTF-8) has a line
/// per recording in Asterisk's transcript format, <c>id: text</c>, where the recording is <c>id.wav</c> under the
/// directory (ids may have folders: <c>digits/1</c>); lines starting with <c>;</c> or <c>#</c> are comments. Prompts
/// are found by id, or by their text ignoring spacing, punctuation and case, so a script line matches its recording
/// however it is punctuated. All prompts are held at one rate (the highest among them).
/// </summary>
internal sealed partial class PromptLibrary
{
    public const string IndexFileName = "prompts.txt";

    private readonly Dictionary<string, PromptEntry> _byId;
    private readonly Dictionary<string, PromptEntry> _byText;

    private PromptLibrary(string directory, int sampleRate, IReadOnlyList<PromptEntry> entries)
    {
        Directory = directory;
        SampleRate = sampleRate;
        Entries = entries;
        _byId = new Dictionary<string, PromptEntry>(StringComparer.OrdinalIgnoreCase);
        _byText = new Dictionary<string, PromptEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _byId.TryAdd(entry.Id, entry);
            var key = MatchKey(entry.Text);
            if (key.Length > 0) _byText.TryAdd(key, entry);
        }
    }

    public string Directory { get; }

    public int SampleRate { get; }

    public IReadOnlyList<PromptEntry> Entries { get; }

    public PromptEntry? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The prompt that says <paramref name="text"/>, compared without spacing, punctuation and case.</summary>
    public PromptEntry? FindByText(string text)
    {
        var key = MatchKey(text);
        return key.Length == 0 ? null : _byText.GetValueOrDefault(key);
    }

    /// <summary>
    /// Letters and digits only, lower-cased: "您好，" and "您好" and "Thank you." and "thank you" match. A text in
    /// brackets describes a sound ("[beep tone]") and matches nothing.
    /// </summary>
    internal static string MatchKey(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('[') && trimmed.EndsWith(']')) return "";
        var key = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }
}
