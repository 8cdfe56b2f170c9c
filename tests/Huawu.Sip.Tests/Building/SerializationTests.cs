using System.Buffers;
using System.Text;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Tests.Building;

/// <summary>Canonical serialization: full names, CRLF, and a Content-Length that matches the body.</summary>
public sealed class SerializationTests
{
    private static SipMessageBuilder NewInvite() =>
        SipMessageBuilder.CreateRequest(SipMethod.Invite, "sip:bob@biloxi.example.com")
            .AddVia(TransportProtocol.Udp, "pc33.atlanta.example.com", 5060, "z9hG4bK776asdhds", requestRport: true)
            .AddMaxForwards()
            .AddAddress(HeaderId.To, "sip:bob@biloxi.example.com", "Bob")
            .AddAddress(HeaderId.From, "sip:alice@atlanta.example.com", "Alice \"Al\" Smith", "1928301774")
            .AddCallId("a84b4c76e66710@pc33.atlanta.example.com")
            .AddCSeq(314159, SipMethod.Invite)
            .AddHeader("X-Campaign", "spring-2025");

    [Fact]
    public void A_request_is_written_exactly()
    {
        var text = Encoding.UTF8.GetString(NewInvite().SetBody("v=0\r\n"u8.ToArray(), "application/sdp").ToArray());

        Assert.Equal(
            "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "To: \"Bob\" <sip:bob@biloxi.example.com>\r\n" +
            "From: \"Alice \\\"Al\\\" Smith\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
            "CSeq: 314159 INVITE\r\n" +
            "X-Campaign: spring-2025\r\n" +
            "Content-Type: application/sdp\r\n" +
            "Content-Length: 5\r\n\r\n" +
            "v=0\r\n",
            text);
    }

    [Fact]
    public void The_byte_count_is_exact_and_buffer_writers_receive_one_span()
    {
        var builder = NewInvite().SetBody(new byte[1234], "application/octet-stream");
        var writer = new ArrayBufferWriter<byte>();

        var written = builder.WriteTo(writer);

        Assert.Equal(builder.GetByteCount(), written);
        Assert.Equal(written, writer.WrittenCount);
        Assert.Equal(builder.ToArray(), writer.WrittenSpan.ToArray());
        Assert.Equal(1234, SipText.Parse(writer.WrittenSpan.ToArray()).Body.Length);
    }

    [Fact]
    public void Content_length_from_callers_is_ignored_in_favor_of_the_body()
    {
        var message = NewInvite().AddHeader(HeaderId.ContentLength, "999").AddHeader("l", "7").Build();

        Assert.True(message.Body.IsEmpty);
        Assert.Single(message.Headers, h => h.Id == HeaderId.ContentLength);
    }

    [Fact]
    public void Header_edits_keep_positions()
    {
        var builder = NewInvite()
            .SetHeader(HeaderId.MaxForwards, "5")
            .PrependHeader(HeaderId.Via, "SIP/2.0/TCP first.example.com;branch=z9hG4bKfirst");
        Assert.Equal(1, builder.RemoveHeaders("x-campaign"));

        var names = builder.Build().Headers.Select(h => h.Name);

        Assert.Equal(["Via", "Via", "Max-Forwards", "To", "From", "Call-ID", "CSeq", "Content-Length"], names);
        Assert.Equal("5", builder.GetHeader(HeaderId.MaxForwards));
    }

    [Theory]
    [InlineData("evil\r\nInjected: yes")]
    [InlineData("evil\nInjected: yes")]
    public void Line_breaks_in_values_are_refused(string value)
    {
        Assert.Throws<ArgumentException>(() => NewInvite().AddHeader(HeaderId.Subject, value));
        Assert.Throws<ArgumentException>(() => NewInvite().AddHeader("X-Thing", value));
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.CreateResponse(200, value));
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.CreateRequest(SipMethod.Options, value));
    }

    [Fact]
    public void Header_names_must_be_tokens() => Assert.Throws<ArgumentException>(() => NewInvite().AddHeader("Bad Name", "x"));

    [Fact]
    public void Building_an_invalid_message_is_a_bug() =>
        Assert.Throws<InvalidOperationException>(() => SipMessageBuilder.CreateRequest(SipMethod.Options, "sip:a@example.com").Build());

    [Fact]
    public void Unknown_methods_and_default_reason_phrases_are_written()
    {
        var request = SipMessageBuilder.CreateRequest(SipMethod.FromName("FOO"), "sip:a@example.com").ToArray();
        var response = SipMessageBuilder.CreateResponse(491).ToArray();

        Assert.StartsWith("FOO sip:a@example.com SIP/2.0\r\n", Encoding.UTF8.GetString(request), StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 491 Request Pending\r\n", Encoding.UTF8.GetString(response), StringComparison.Ordinal);
    }
}
