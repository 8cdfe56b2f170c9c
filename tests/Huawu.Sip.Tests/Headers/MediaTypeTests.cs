using Huawu.Sip.Headers;

namespace Huawu.Sip.Tests.Headers;

/// <summary>RFC 3261 §20.1 Accept and §20.15 Content-Type.</summary>
public sealed class MediaTypeTests
{
    [Fact]
    public void Content_type_is_parsed_once_and_cached()
    {
        var message = SipText.Parse(SipText.Options("Content-Type: Application/SDP ; charset=\"utf-8\""));

        Assert.True(message.TryGetContentType(out var first));
        Assert.True(message.TryGetContentType(out var second));
        Assert.Equal("Application/SDP", first.MediaTypeName);
        Assert.True(first.Matches("application/sdp"u8));
        Assert.Equal("utf-8", second.Parameters.GetValue("charset"));
    }

    [Fact]
    public void An_absent_content_type_is_reported_absent() => Assert.False(SipText.Parse(SipText.Options()).TryGetContentType(out _));

    [Theory]
    [InlineData("*/*", true)]
    [InlineData("application/*", true)]
    [InlineData("APPLICATION/sdp", true)]
    [InlineData("text/*", false)]
    [InlineData("application/pidf+xml", false)]
    public void Accept_ranges_match_with_wildcards(string range, bool matchesSdp)
    {
        var message = SipText.Parse(SipText.Options("Accept: " + range + ";q=0.5"));

        Assert.Equal(matchesSdp, message.Accept.ToList().Single().Matches("application/sdp"u8));
    }

    [Theory]
    [InlineData("Content-Type: application")]
    [InlineData("Content-Type: application/")]
    [InlineData("Content-Type: application/sdp;")]
    [InlineData("Content-Type: application/sdp, text/plain")]
    public void Malformed_content_types_fail_validation(string line)
    {
        var message = SipText.Parse(SipText.Options(line));

        Assert.False(message.TryGetContentType(out _));
        Assert.False(message.TryValidateHeaders(out var reason));
        Assert.Equal("Malformed Content-Type", reason);
    }
}
