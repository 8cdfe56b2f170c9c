using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Ssml;

namespace Huawu.Speech.Tests.Tts;

public class SsmlParserTests
{
    [Fact]
    public void Plain_text_passes_through_unchanged()
    {
        Assert.True(SsmlParser.TryParse("您好，  a < b 也可以", out var text, out _));
        Assert.Equal([new SpeechPart.Text("您好，  a < b 也可以")], text.Parts);
        Assert.Null(text.Language);
    }

    [Fact]
    public void Speak_with_breaks_and_say_as_becomes_parts_in_order()
    {
        const string markup = """
            <?xml version="1.0"?>
            <speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="zh-CN">
              您好，<break time="300ms"/>您的号码是
              <say-as interpret-as="telephone">138 1234 5678</say-as>。
              <break time="1.5s"></break>验证码 <say-as interpret-as='digits'>2024</say-as>，
              金额<say-as interpret-as="cardinal">1,200</say-as>元 &amp; 其他<!-- a comment --><break strength="weak"/>
            </speak>
            """;
        Assert.True(SsmlParser.TryParse(markup, out var text, out var error), error?.ToString());
        Assert.Equal("zh-CN", text.Language);
        Assert.Equal(
            new SpeechPart[]
            {
                new SpeechPart.Text("您好，"),
                new SpeechPart.Break(TimeSpan.FromMilliseconds(300)),
                new SpeechPart.Text("您的号码是"),
                new SpeechPart.SayAs(SayAsKind.Telephone, "138 1234 5678"),
                new SpeechPart.Text("。"),
                new SpeechPart.Break(TimeSpan.FromSeconds(1.5)),
                new SpeechPart.Text("验证码"),
                new SpeechPart.SayAs(SayAsKind.Digits, "2024"),
                new SpeechPart.Text("， 金额"),
                new SpeechPart.SayAs(SayAsKind.Cardinal, "1,200"),
                new SpeechPart.Text("元 & 其他"),
                new SpeechPart.Break(TimeSpan.FromMilliseconds(250)),
            },
            text.Parts);
    }

    [Theory]
    // SSML 1.1 §3.2.3: time is a CSS2 time; a break without attributes is "medium"; time wins over strength.
    [InlineData("<break/>", 500)]
    [InlineData("<break time=\"1s\"/>", 1000)]
    [InlineData("<break time=\"250ms\"/>", 250)]
    [InlineData("<break time=\".5s\"/>", 500)]
    [InlineData("<break strength=\"none\"/>", 0)]
    [InlineData("<break strength=\"x-strong\"/>", 1000)]
    [InlineData("<break strength=\"weak\" time=\"40ms\"/>", 40)]
    public void Break_lengths(string element, int milliseconds)
    {
        var text = SsmlParser.Parse($"<speak>a{element}b</speak>");
        Assert.Equal(new SpeechPart.Break(TimeSpan.FromMilliseconds(milliseconds)), text.Parts[1]);
    }

    [Theory]
    [InlineData("<speak>hello", 12, "<speak> is not closed")]
    [InlineData("<speak>a<break time=\"3 seconds\"/></speak>", 15, "break time '3 seconds' is not a duration")]
    [InlineData("<speak>a<break time=\"90s\"/></speak>", 15, "longer than 60 s")]
    [InlineData("<speak>a<emphasis>b</emphasis></speak>", 8, "<emphasis> is not supported")]
    [InlineData("<speak><say-as interpret-as=\"date\">1/2</say-as></speak>", 15, "interpret-as 'date' is not supported")]
    [InlineData("<speak><say-as>12</say-as></speak>", 7, "<say-as> needs interpret-as")]
    [InlineData("<speak><say-as interpret-as=\"digits\"><break/></say-as></speak>", 37, "holds text only")]
    [InlineData("<speak><say-as interpret-as=\"digits\">12</speak>", 39, "</speak> found where </say-as> was expected")]
    [InlineData("<speak>a &nbsp; b</speak>", 9, "unknown entity &nbsp;")]
    [InlineData("<speak>a & b</speak>", 9, "'&' starts no entity")]
    [InlineData("<speak>a</speak> trailing", 17, "text after </speak>")]
    [InlineData("<p>hello</p>", 0, "the root element must be <speak>")]
    [InlineData("<speak><break time=300ms/></speak>", 19, "must be quoted")]
    [InlineData("<speak><break time=\"1s\" time=\"2s\"/></speak>", 24, "appears twice")]
    [InlineData("<speak><break foo=\"1\"/></speak>", 14, "<break> has no attribute 'foo'")]
    [InlineData("<speak>a</say-as></speak>", 8, "</say-as> closes nothing open")]
    [InlineData("<speak><break", 7, "<break> is not closed with >")]
    public void Malformed_markup_is_an_error_with_its_position_and_reason(string markup, int position, string reason)
    {
        Assert.False(SsmlParser.TryParse(markup, out _, out var error));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
        Assert.StartsWith($"SSML error at character {position}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_character_references_decode()
    {
        var text = SsmlParser.Parse("<speak>&#x4F60;&#22909;&lt;&gt;&quot;&apos;</speak>");
        Assert.Equal([new SpeechPart.Text("你好<>\"'")], text.Parts);
    }

    [Fact]
    public void Parse_throws_with_the_error_for_program_written_input()
    {
        var thrown = Assert.Throws<FormatException>(() => SsmlParser.Parse("<speak>"));
        Assert.Equal("SSML error at character 7: <speak> is not closed: </speak> is missing", thrown.Message);
    }
}
