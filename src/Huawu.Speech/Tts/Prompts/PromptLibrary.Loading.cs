using Huawu.Media.Audio;
using Huawu.Speech.Tts.Audio;

namespace Huawu.Speech.Tts.Prompts;

/// <summary>Reading the index and every recording it names, collecting all problems at once.</summary>
internal sealed partial class PromptLibrary
{
    /// <summary>Loads the library; false with every problem (index line, missing or unreadable file) when it cannot.</summary>
    public static bool TryLoad(string directory, out PromptLibrary? library, out IReadOnlyList<string> errors, string? indexPath = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        library = null;
        var problems = new List<string>();
        errors = problems;
        indexPath ??= Path.Combine(directory, IndexFileName);
        if (!System.IO.Directory.Exists(directory))
        {
            problems.Add($"{directory}: no such prompts directory");
            return false;
        }
        if (!File.Exists(indexPath))
        {
            problems.Add($"{indexPath}: the prompts index is missing (lines of `id: text`, the recording being id.wav)");
            return false;
        }
        var loaded = new List<(string Id, string Text, string File, AudioClip Clip)>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(indexPath))
        {
            lineNumber++;
            var content = line.Trim();
            if (content.Length == 0 || content[0] is ';' or '#') continue;
            var colon = content.IndexOf(':', StringComparison.Ordinal);
            var where = $"{indexPath}:{lineNumber}";
            if (colon <= 0)
            {
                problems.Add($"{where}: expected `id: text`");
                continue;
            }
            var id = content[..colon].Trim();
            if (!ids.Add(id))
            {
                problems.Add($"{where}: prompt '{id}' is listed twice");
                continue;
            }
            if (TryLoadClip(directory, id, where, problems) is { } clip) loaded.Add((id, content[(colon + 1)..].Trim(), clip.File, clip.Clip));
        }
        if (problems.Count > 0) return false;
        var rate = loaded.Count == 0 ? 8000 : loaded.Max(p => p.Clip.SampleRate);
        var entries = loaded
            .Select(p => new PromptEntry(p.Id, p.Text, p.File, ChunkResampler.Convert(p.Clip.Samples, p.Clip.SampleRate, rate)))
            .ToArray();
        library = new PromptLibrary(directory, rate, entries);
        return true;
    }

    private static (string File, AudioClip Clip)? TryLoadClip(string directory, string id, string where, List<string> problems)
    {
        var file = Path.GetFullPath(Path.Combine(directory, id + ".wav"));
        if (!file.StartsWith(Path.GetFullPath(directory), StringComparison.Ordinal))
        {
            problems.Add($"{where}: prompt '{id}' points outside the prompts directory");
            return null;
        }
        if (!File.Exists(file))
        {
            problems.Add($"{where}: the recording {file} is missing");
            return null;
        }
        var status = AudioClip.TryLoad(File.OpenRead(file), out var clip);
        if (status == WavStatus.Ok) return (file, clip!);
        problems.Add($"{where}: {file} is not a usable recording ({status}); prompts are 8 or 16 kHz WAV, 16-bit PCM or G.711 " +
                     "(convert with: sox in.wav -r 16000 -c 1 -b 16 out.wav)");
        return null;
    }
}
