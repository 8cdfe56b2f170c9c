using System.Text;

namespace Huawu.Sip.Tests.Parsing;

/// <summary>RFC 3261 §18.3 and §20.14: Content-Length against the octets of a datagram.</summary>
public sealed class BodyTests
{
    private static byte[] WithBody(string contentLength, string body)
    {
        var lines = SipText.Options("Content-Type: text/plain");
        lines[^1] = "Content-Length: " + contentLength;
        return SipText.MessageWithBody(body, lines);
    }

    [Fact]
    public void The_body_is_exactly_content_length_octets()
    {
        var message = SipText.Parse(WithBody("5", "hello"));

        Assert.Equal("hello", SipText.Text(message.Body));
    }

    [Fact]
    public void Octets_after_the_body_are_discarded() // RFC 4475 §3.1.1.8
    {
        var message = SipText.Parse(WithBody("5", "hello, and then some junk"));

        Assert.Equal("hello", SipText.Text(message.Body));
        Assert.EndsWith("\r\n\r\nhello", SipText.Text(message.Buffer));
    }

    [Fact]
    public void A_shorter_datagram_is_an_error_that_can_be_answered() // RFC 4475 §3.1.2.2
    {
        var error = SipText.Reject(WithBody("50", "hello"));

        Assert.Equal("Message body shorter than Content-Length", error.Reason);
        Assert.True(error.CanRespond);
        Assert.True(error.PartialMessage!.Body.IsEmpty);
        Assert.False(error.PartialMessage.IsValidated);
        Assert.Throws<InvalidOperationException>(() => error.PartialMessage.CSeq);
    }

    [Theory]
    [InlineData("-5")] // RFC 4475 §3.1.2.3
    [InlineData("5.0")]
    [InlineData("five")]
    [InlineData("")]
    [InlineData("99999999999")]
    public void Content_length_must_be_digits(string value) =>
        Assert.Equal("Bad Content-Length", SipText.Reject(WithBody(value, "hello")).Reason);

    [Fact]
    public void Without_content_length_the_body_runs_to_the_end_of_the_datagram()
    {
        var lines = SipText.Options("Content-Type: text/plain")[..^1];
        var message = SipText.Parse(SipText.MessageWithBody("all of this", lines));

        Assert.Equal("all of this", SipText.Text(message.Body));
    }

    [Fact]
    public void The_body_may_hold_any_bytes()
    {
        byte[] binary = [0, 13, 10, 13, 10, 255, 128];
        var bytes = Encoding.ASCII.GetBytes(string.Join("\r\n", SipText.Options("Content-Type: application/octet-stream")[..^1]) + "\r\nContent-Length: 7\r\n\r\n");
        var message = SipText.Parse([.. bytes, .. binary]);

        Assert.Equal(binary, message.Body.ToArray());
    }
}
