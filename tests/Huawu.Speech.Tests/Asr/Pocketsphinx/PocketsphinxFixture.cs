using Huawu.Speech.Asr;
using Huawu.Speech.Asr.Pocketsphinx;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Tests.Asr.Pocketsphinx;

/// <summary>One recognizer on Debian's en-us model at 8 kHz (the telephone rate), shared by a test class.</summary>
public sealed class PocketsphinxFixture : IDisposable
{
    public PocketsphinxFixture()
    {
        Recognizer = PocketsphinxRecognizer.TryCreate(new PocketsphinxAsrOptions(), 8000, out var error)
                     ?? throw new InvalidOperationException("pocketsphinx (apt: libpocketsphinx3 pocketsphinx-en-us) is needed: " + error);
    }

    internal PocketsphinxRecognizer Recognizer { get; }

    internal IReadOnlySet<string> Words => Recognizer.Pool.Model.Words;

    /// <summary>
    /// The prompts a grammar can hold: transcripts of real speech (no "[tones]"), without digits or symbols (whose spoken
    /// form is a guess: "28.8", "#"), every word in the dictionary.
    /// </summary>
    internal IReadOnlyList<(string Name, string Words)> SpeakablePrompts() =>
        AsteriskPrompts.Entries
            .Where(e => !e.Text.Contains('[', StringComparison.Ordinal) && !e.Text.Any(c => char.IsAsciiDigit(c) || c is '*' or '#' or '@'))
            .Select(e => (e.Name, Words: PhraseNormalizer.Normalize(e.Text)))
            .Where(e => e.Words.Length > 0 && e.Words.Split(' ').All(Words.Contains))
            .ToList();

    public void Dispose() => Recognizer.Dispose();
}
