using Huawu.Sip.Parsing;

namespace Huawu.Sip.Tests.Parsing;

/// <summary>Configurable size limits fail with a clear reason instead of doing unbounded work.</summary>
public sealed class LimitsTests
{
    [Fact]
    public void The_whole_message_is_limited()
    {
        var bytes = SipText.Message(SipText.Options("Subject: " + new string('x', 2000)));
        var options = new SipParserOptions { MaxMessageBytes = 1024 };

        Assert.False(SipParser.TryParse(bytes, options, out _, out var error));
        Assert.Equal("Message too large", error.Reason);
        Assert.True(SipParser.TryParse(bytes, SipParserOptions.Default, out _, out _));
    }

    [Fact]
    public void A_header_line_is_limited_including_its_continuations()
    {
        var folded = "Subject: " + string.Join("\r\n ", Enumerable.Repeat(new string('y', 60), 10));
        var bytes = SipText.Message(SipText.Options(folded));
        var options = new SipParserOptions { MaxHeaderLineBytes = 400 };

        Assert.False(SipParser.TryParse(bytes, options, out _, out var error));
        Assert.Equal("Header line too long", error.Reason);
        Assert.True(SipParser.TryParse(bytes, options with { MaxHeaderLineBytes = 700 }, out _, out _));
    }

    [Fact]
    public void The_start_line_is_limited_like_a_header_line()
    {
        var lines = SipText.Options();
        lines[0] = "OPTIONS sip:" + new string('a', 500) + "@example.com SIP/2.0";

        Assert.False(SipParser.TryParse(SipText.Message(lines), new SipParserOptions { MaxHeaderLineBytes = 256 }, out _, out var error));
        Assert.Equal("Start line too long", error.Reason);
    }

    [Fact]
    public void The_number_of_header_lines_is_limited()
    {
        var extra = Enumerable.Range(0, 20).Select(i => $"X-Header-{i}: {i}").ToArray();
        var bytes = SipText.Message(SipText.Options(extra));

        Assert.False(SipParser.TryParse(bytes, new SipParserOptions { MaxHeaderCount = 16 }, out _, out var error));
        Assert.Equal("Too many headers", error.Reason);
        Assert.True(SipParser.TryParse(bytes, new SipParserOptions { MaxHeaderCount = 29 }, out _, out _));
    }
}
