using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Ssml;
using Huawu.Speech.Tts.Text;

namespace Huawu.Speech.Tests.Tts;

public class SpeechScriptTests
{
    [Theory]
    [InlineData("您好。请问是张先生吗？我是客服；打扰了！", new[] { "您好。", "请问是张先生吗？", "我是客服；", "打扰了！" })]
    [InlineData("好的!谢谢?再见", new[] { "好的!", "谢谢?", "再见" })]
    [InlineData("“您好。”他说", new[] { "“您好。”", "他说" })]
    [InlineData("Hello there. How are you? Fine!", new[] { "Hello there.", "How are you?", "Fine!" })]
    [InlineData("Dr. Li costs 3.14 dollars. J. Smith agrees.", new[] { "Dr. Li costs 3.14 dollars.", "J. Smith agrees." })]
    [InlineData("Really?! Yes...", new[] { "Really?!", "Yes..." })]
    [InlineData("He said \"stop.\" Then left", new[] { "He said \"stop.\"", "Then left" })]
    [InlineData("第一行\n第二行", new[] { "第一行", "第二行" })]
    [InlineData("no terminator", new[] { "no terminator" })]
    public void Sentences_end_at_Chinese_and_English_terminators(string text, string[] sentences) =>
        Assert.Equal(sentences, SentenceSplitter.Split(text));

    [Fact]
    public void Script_reads_say_as_in_the_voice_language_and_puts_pauses_between_sentences()
    {
        var text = SsmlParser.Parse("<speak>您好，您的号码是<say-as interpret-as=\"telephone\">13812345678</say-as>。" +
                                    "<break time=\"300ms\"/><break time=\"200ms\"/>请核对。</speak>");
        var script = SpeechScript.Build(text, "zh");
        Assert.Equal(
            new ScriptSegment[]
            {
                new ScriptSegment.Sentence("您好，您的号码是幺三八，幺二三四，五六七八。"),
                new ScriptSegment.Pause(TimeSpan.FromMilliseconds(500)),
                new ScriptSegment.Sentence("请核对。"),
            },
            script);
    }

    [Fact]
    public void English_words_get_spaces_around_readings()
    {
        var text = SsmlParser.Parse("<speak>Your code is<say-as interpret-as=\"digits\">42</say-as>. Bye</speak>");
        Assert.Equal(
            new ScriptSegment[] { new ScriptSegment.Sentence("Your code is four two."), new ScriptSegment.Sentence("Bye") },
            SpeechScript.Build(text, "en-us"));
    }

    [Fact]
    public void Without_a_reading_table_digits_are_spaced_for_the_engine_to_read()
    {
        var text = SsmlParser.Parse("<speak>Nummer <say-as interpret-as=\"digits\">123</say-as></speak>");
        Assert.Equal([new ScriptSegment.Sentence("Nummer 1 2 3")], SpeechScript.Build(text, "de"));
    }

    [Fact]
    public void Texts_that_sound_the_same_normalize_alike()
    {
        var plain = SpeechScript.Normalize(SpeechScript.Build(SpeechText.Plain("  Hello   world.  Bye "), "en"));
        var markup = SpeechScript.Normalize(SpeechScript.Build(SsmlParser.Parse("<speak>Hello\n world. Bye</speak>"), "en"));
        var other = SpeechScript.Normalize(SpeechScript.Build(SpeechText.Plain("Hello world. Bye bye"), "en"));
        Assert.Equal(plain, markup);
        Assert.NotEqual(plain, other);
    }
}
