using Huawu.Speech.Asr;

namespace Huawu.Speech.Tests.Asr;

public class PhraseNormalizerTests
{
    [Theory]
    [InlineData("Press 1, or say 'yes'!", "press one or say yes")]
    [InlineData("You've got 21 new messages.", "you've got twenty one new messages")]
    [InlineData("Call-Forward on No Answer", "call forward on no answer")]
    [InlineData("dial 0123 now", "dial zero one two three now")]
    [InlineData("room 305", "room three hundred five")]
    [InlineData("1000 thanks", "one thousand thanks")]
    [InlineData("12345678", "one two three four five six seven eight")]
    [InlineData("the 2nd try", "the 2nd try")]
    [InlineData("  ...  ", "")]
    public void Phrases_become_dictionary_words(string phrase, string words) => Assert.Equal(words, PhraseNormalizer.Normalize(phrase));

    [Fact]
    public void Grammar_syntax_in_a_phrase_is_only_words()
    {
        // Nothing of JSGF's syntax survives normalization, so a phrase cannot change the grammar's structure.
        Assert.Equal("yes no public x evil", PhraseNormalizer.Normalize("yes | no ; public <x> = evil"));
    }
}
