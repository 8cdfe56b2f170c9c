namespace Huawu.Speech.Asr;

/// <summary>
/// A recognizer bound to a pronunciation dictionary (pocketsphinx): a grammar or hot word with a word outside it is
/// refused whole, so whoever builds grammars (the robot's runtime) leaves such phrases out first.
/// </summary>
public interface IRecognizerDictionary
{
    /// <summary>Whether the dictionary has <paramref name="word"/> as <see cref="PhraseNormalizer"/> writes it.</summary>
    bool Knows(string word);
}
