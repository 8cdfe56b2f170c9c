using System.IO.Compression;
using Huawu.Media.Audio;

namespace Huawu.Speech.Tests.Asr;

/// <summary>
/// Debian's asterisk-core-sounds-en: professional 8 kHz telephone prompts with their transcripts
/// (core-sounds-en.txt), read in place. Real telephone speech with known text, for recognizer tests.
/// </summary>
internal static class AsteriskPrompts
{
    public const string SoundDirectory = "/usr/share/asterisk/sounds/en";
    public const string Transcripts = "/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz";

    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> All = new(Load);

    /// <summary>Every prompt whose WAV is installed, with its transcript, sorted by name.</summary>
    public static IReadOnlyList<(string Name, string Text)> Entries => All.Value;

    public static AudioClip Audio(string name) => AudioClip.Load(Path.Combine(SoundDirectory, name + ".wav"));

    public static string TextOf(string name) => Entries.Single(e => e.Name == name).Text;

    private static List<(string, string)> Load()
    {
        if (!File.Exists(Transcripts))
        {
            throw new FileNotFoundException($"The prompt transcripts are missing: {Transcripts}. Run `make setup` (apt: asterisk-core-sounds-en).", Transcripts);
        }
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Transcripts), CompressionMode.Decompress));
        var entries = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith(';') || colon <= 0) continue;
            var name = line[..colon].Trim();
            if (File.Exists(Path.Combine(SoundDirectory, name + ".wav"))) entries.Add((name, line[(colon + 1)..].Trim()));
        }
        return entries.OrderBy(e => e.Item1, StringComparer.Ordinal).ToList();
    }
}
