using Huawu.Sip.Headers;
using Huawu.Sip.Validation;

namespace Huawu.Sip.Tests.Validation;

/// <summary>RFC 3261 §8.2 (UAS) and §16.3 (proxy) request checks.</summary>
public sealed class RequestValidatorTests
{
    private static readonly RequestValidator Validator = new(new LocalCapabilities
    {
        Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS"],
        Extensions = ["timer", "replaces"],
        ContentTypes = ["application/sdp"],
    });

    private static RequestVerdict Validate(string method, params string[] extra) => Validate(RequestRole.UserAgentServer, method, extra);

    private static RequestVerdict Validate(RequestRole role, string method, params string[] extra)
    {
        var lines = SipText.Options(extra);
        lines[0] = method + " sip:bob@example.com SIP/2.0";
        lines[6] = "CSeq: 1 " + method;
        return Validator.Validate(SipText.Parse(lines), role);
    }

    [Fact]
    public void A_plain_supported_request_is_accepted() => Assert.True(Validate("OPTIONS").IsAccepted);

    [Fact]
    public void A_standard_method_we_lack_is_405_with_allow() // RFC 3261 §8.2.1
    {
        var verdict = Validate("SUBSCRIBE");

        Assert.Equal((405, "Method Not Allowed"), (verdict.StatusCode, verdict.ReasonPhrase));
        Assert.Equal(new KeyValuePair<HeaderId, string>(HeaderId.Allow, "INVITE, ACK, BYE, CANCEL, OPTIONS"), Assert.Single(verdict.Headers));
    }

    [Fact]
    public void An_unknown_method_is_501() => Assert.Equal(501, Validate("FROB").StatusCode); // RFC 3261 §21.5.2

    [Fact]
    public void An_ack_is_never_answered() => // RFC 3261 §17.2.1
        Assert.True(Validate("ACK", "Require: nothingKnows", "Content-Type: text/weird").IsAccepted);

    [Fact]
    public void Required_extensions_we_support_pass_and_the_others_are_listed() // RFC 3261 §8.2.2.3
    {
        Assert.True(Validate("INVITE", "Require: timer, replaces").IsAccepted);

        var verdict = Validate("INVITE", "Require: timer, 100rel", "Require: precondition");
        Assert.Equal(420, verdict.StatusCode);
        Assert.Equal("100rel, precondition", Assert.Single(verdict.Headers).Value);
    }

    [Fact]
    public void A_cancel_is_not_refused_for_its_require() => Assert.True(Validate("CANCEL", "Require: 100rel").IsAccepted);

    [Fact]
    public void A_proxy_checks_proxy_require_and_ignores_require() // RFC 3261 §16.3 step 5
    {
        Assert.True(Validate(RequestRole.Proxy, "INVITE", "Require: 100rel", "Proxy-Require: timer").IsAccepted);
        Assert.Equal(420, Validate(RequestRole.Proxy, "INVITE", "Proxy-Require: sec-agree").StatusCode);
        Assert.True(Validate(RequestRole.UserAgentServer, "INVITE", "Proxy-Require: sec-agree").IsAccepted);
    }

    [Fact]
    public void Bodies_we_cannot_read_are_415_with_accept() // RFC 3261 §8.2.3
    {
        var lines = SipText.Options("Content-Type: application/isup")[..^1].Append("Content-Length: 4").ToArray();
        lines[0] = "INVITE sip:bob@example.com SIP/2.0";
        lines[6] = "CSeq: 1 INVITE";
        var verdict = Validator.Validate(SipText.Parse(SipText.MessageWithBody("isup", lines)));

        Assert.Equal(415, verdict.StatusCode);
        Assert.Equal(new KeyValuePair<HeaderId, string>(HeaderId.Accept, "application/sdp"), Assert.Single(verdict.Headers));
    }

    [Fact]
    public void Content_codings_we_cannot_undo_are_415_with_accept_encoding()
    {
        var verdict = Validate("OPTIONS", "Content-Encoding: gzip");

        Assert.Equal(415, verdict.StatusCode);
        Assert.Equal(new KeyValuePair<HeaderId, string>(HeaderId.AcceptEncoding, "identity"), Assert.Single(verdict.Headers));
        Assert.True(Validate("OPTIONS", "Content-Encoding: identity").IsAccepted);
    }

    [Fact]
    public void A_body_without_content_type_is_400() // RFC 3261 §20.15
    {
        var lines = SipText.Options()[..^1].Append("Content-Length: 3").ToArray();
        var verdict = Validator.Validate(SipText.Parse(SipText.MessageWithBody("abc", lines)));

        Assert.Equal((400, "Missing Content-Type"), (verdict.StatusCode, verdict.ReasonPhrase));
    }

    [Theory]
    [InlineData("Accept: */*", 0)]
    [InlineData("Accept: application/*;q=0.2, text/html", 0)]
    [InlineData("Accept: text/html", 406)]
    public void An_invite_must_accept_a_body_we_can_answer_with(string accept, int status) =>
        Assert.Equal(status, Validate("INVITE", accept).StatusCode);

    [Fact]
    public void Uri_schemes_are_those_configured() // RFC 3261 §8.2.2.1
    {
        var sipOnly = new RequestValidator(new LocalCapabilities { UriSchemes = ["sip"] });
        var lines = SipText.Options();
        lines[0] = "OPTIONS tel:+8613800138000 SIP/2.0";

        Assert.True(Validator.Validate(SipText.Parse(lines)).IsAccepted);
        Assert.Equal(416, sipOnly.Validate(SipText.Parse(lines)).StatusCode);
    }

    [Fact]
    public void The_version_is_checked_before_anything_else() // RFC 4475 §3.1.2.16
    {
        var lines = SipText.Options("Date: yesterday");
        lines[0] = "OPTIONS sip:bob@example.com SIP/3.0";

        Assert.Equal(505, Validator.Validate(SipText.Parse(lines)).StatusCode);
    }

    [Fact]
    public void Repeated_single_value_headers_are_400()
    {
        var verdict = Validate("OPTIONS", "Expires: 60", "Expires: 70");

        Assert.Equal((400, "Multiple Expires headers"), (verdict.StatusCode, verdict.ReasonPhrase));
    }

    [Fact]
    public void An_accepted_verdict_has_no_response() =>
        Assert.Throws<InvalidOperationException>(() => RequestVerdict.Accepted.CreateResponse(SipText.Parse(SipText.Options())));

    [Fact]
    public void Responses_are_not_validated_as_requests() =>
        Assert.Throws<ArgumentException>(() => Validator.Validate(Rfc4475.Rfc4475Messages.Parse("noreason")));
}
