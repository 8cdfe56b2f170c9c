using System.Text;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;
using Huawu.Sip.Uris;
using Huawu.Sip.Validation;

namespace Huawu.Sip.Tests.Rfc4475;

/// <summary>RFC 4475 §3.1.2–3.4: what the parser exposes so upper layers give the RFC's answer.</summary>
public sealed class Rfc4475SemanticsTests
{
    private static readonly RequestValidator Validator = new(new LocalCapabilities
    {
        Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER"],
    });

    [Fact] // §3.1.2.2: the headers of a request with a bad body length still yield a 400 that parses
    public void Clerr_can_be_answered_with_a_400_built_from_the_partial_message()
    {
        var error = SipText.Reject(Rfc4475Messages.Load("clerr"));
        var partial = Assert.IsType<Huawu.Sip.Messages.SipMessage>(error.PartialMessage);

        var response = SipMessageBuilder.CreateResponse(partial, 400, error.Reason, toTag: "t1").Build();

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Message body shorter than Content-Length", response.ReasonPhrase);
        Assert.Equal("clerr.0ha0isndaksdjweiafasdk3", response.CallId);
        Assert.Equal("z9hG4bK-39234-23523", response.TopVia.Branch);
        Assert.Equal("t1", response.To.Tag);
        Assert.Equal(8u, response.CSeq.Number);
    }

    [Fact] // §3.1.2.1: a partial message is not trusted; checking all its headers finds the bad Via again
    public void Partial_messages_have_every_header_checked()
    {
        var partial = SipText.Reject(Rfc4475Messages.Load("badinv01")).PartialMessage!;

        Assert.False(partial.TryValidateHeaders(out var reason));
        Assert.Equal("Malformed Via", reason);
    }

    [Fact] // §3.1.2.4: each overlarge scalar is caught on its own
    public void Scalar02_rejects_the_overlarge_max_forwards_too()
    {
        var text = Encoding.UTF8.GetString(Rfc4475Messages.Load("scalar02")).Replace("36893488147419103232", "1", StringComparison.Ordinal);
        Assert.Equal("Bad Max-Forwards", SipText.Reject(Encoding.UTF8.GetBytes(text)).Reason);
    }

    [Fact] // §3.1.2.15: the file lacks the final empty line; the display name is what is wrong
    public void Baddn_is_rejected_for_the_unquoted_comma_with_or_without_the_empty_line()
    {
        var bytes = Rfc4475Messages.Load("baddn");
        Assert.Equal("Malformed From", SipText.Reject(bytes).Reason);
        Assert.Equal("Malformed From", SipText.Reject([.. bytes, .. "\r\n"u8]).Reason);
    }

    [Fact] // §3.2.1 Missing Transaction Identifier
    public void Badbranch_falls_back_to_rfc2543_transaction_matching()
    {
        var via = Rfc4475Messages.Parse("badbranch").TopVia;

        Assert.Equal("z9hG4bK", via.Branch);
        Assert.False(via.HasRfc3261Branch);
    }

    [Fact] // §3.4.1 INVITE with RFC 2543 Syntax
    public void Inv2543_exposes_what_rfc2543_matching_needs()
    {
        var message = Rfc4475Messages.Parse("inv2543");

        Assert.False(message.TopVia.HasBranch);
        Assert.False(message.TopVia.HasRfc3261Branch);
        Assert.Equal("iftgw.example.com", message.TopVia.Host);
        Assert.Null(message.MaxForwards);
        Assert.False(message.From.HasTag);
        Assert.Equal("inv2543.1717@ift.client.example.com", message.CallId);
        Assert.Equal(56u, message.CSeq.Number);
        Assert.Equal(105, message.Body.Length);
    }

    [Fact] // §3.3.2, §3.3.3: unknown and atypical Request-URI schemes parse and are answered 416
    public void Unknown_request_uri_schemes_are_kept_opaque()
    {
        var unknown = Rfc4475Messages.Parse("unkscm").RequestUri;
        var atypical = Rfc4475Messages.Parse("novelsc").RequestUri;

        Assert.Equal((UriScheme.Other, "nobodyKnowsThisScheme"), (unknown.Scheme, SipText.Text(unknown.SchemeBytes)));
        Assert.Equal((UriScheme.Other, "soap.beep://192.0.2.103:3002"), (atypical.Scheme, atypical.ToString()));
    }

    [Fact] // §3.3.4 Unknown URI Schemes in Header Fields
    public void Unksm2_parses_foreign_schemes_and_a_registrar_refuses_the_aor()
    {
        var message = Rfc4475Messages.Parse("unksm2");

        Assert.Equal("isbn:2983792873", message.To.Uri.ToString());
        Assert.Equal("http://www.example.com", message.From.Uri.ToString());
        Assert.Equal("name:John_Smith", message.Contacts.ToList().Single().Uri.ToString());
        var verdict = Validator.Validate(message);
        Assert.Equal((400, "To is not a SIP or SIPS URI"), (verdict.StatusCode, verdict.ReasonPhrase));
    }

    [Fact] // §3.3.5 Proxy-Require and Require
    public void Bext01_lists_the_unsupported_tags_of_the_header_that_applies_to_the_role()
    {
        var message = Rfc4475Messages.Parse("bext01");

        var asUas = Validator.Validate(message);
        var asProxy = Validator.Validate(message, RequestRole.Proxy);

        Assert.Equal(420, asUas.StatusCode);
        Assert.Equal(new KeyValuePair<HeaderId, string>(HeaderId.Unsupported, "nothingSupportsThis, nothingSupportsThisEither"), Assert.Single(asUas.Headers));
        Assert.Equal(420, asProxy.StatusCode);
        Assert.Equal(new KeyValuePair<HeaderId, string>(HeaderId.Unsupported, "noProxiesSupportThis, norDoAnyProxiesSupportThis"), Assert.Single(asProxy.Headers));

        var response = asUas.CreateResponse(message, toTag: "x").Build();
        Assert.Equal(420, response.StatusCode);
        Assert.True(response.TryGetHeader(HeaderId.Unsupported, out var unsupported));
        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", unsupported.Value);
    }

    [Fact] // §3.3.6 Unknown Content-Type
    public void Invut_is_answered_415_listing_what_we_accept()
    {
        var verdict = Validator.Validate(Rfc4475Messages.Parse("invut"));

        Assert.Equal(415, verdict.StatusCode);
        Assert.Equal(new KeyValuePair<HeaderId, string>(HeaderId.Accept, "application/sdp"), Assert.Single(verdict.Headers));
    }

    [Fact] // §3.3.7 Unknown Authorization Scheme: the value reaches the auth layer whole
    public void Regaut01_keeps_the_authorization_value_unsplit()
    {
        var message = Rfc4475Messages.Parse("regaut01");

        var value = Assert.Single(message.GetValues(HeaderId.Authorization).ToList());
        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", SipText.Text(value));
        Assert.True(Validator.Validate(message).IsAccepted);
    }

    [Fact] // §3.3.10: a UA discards a response with more than one Via (RFC 3261 §8.1.3.3), so it must see both
    public void Bcast_exposes_both_vias_of_the_response()
    {
        var vias = Rfc4475Messages.Parse("bcast").Vias.ToList();

        Assert.Equal(["192.0.2.198", "255.255.255.255"], vias.Select(v => v.Host));
    }

    [Fact] // §3.3.11 Max-Forwards of Zero
    public void Zeromf_is_answered_by_a_uas_but_not_relayed()
    {
        var message = Rfc4475Messages.Parse("zeromf");

        Assert.Equal(0, message.MaxForwards);
        Assert.True(Validator.Validate(message).IsAccepted);
        Assert.Equal(483, Validator.Validate(message, RequestRole.Proxy).StatusCode);
        Assert.Equal(483, Validator.Validate(message, RequestRole.BackToBackUserAgent).StatusCode);
    }

    [Fact] // §3.3.12: outside <> a parameter belongs to the header, not the URI
    public void Cparam01_reads_unknownparam_as_a_contact_parameter()
    {
        var contact = Rfc4475Messages.Parse("cparam01").Contacts.ToList().Single();

        Assert.False(contact.HasAngleBrackets);
        Assert.Equal("sip:+19725552222@gw1.example.net", contact.Uri.ToString());
        Assert.True(contact.Uri.Parameters.IsEmpty);
        Assert.True(contact.Parameters.Contains("unknownparam"));
    }

    [Fact] // §3.3.13: inside <> it belongs to the URI
    public void Cparam02_reads_unknownparam_as_a_uri_parameter()
    {
        var contact = Rfc4475Messages.Parse("cparam02").Contacts.ToList().Single();

        Assert.True(contact.Uri.Parameters.Contains("unknownparam"));
        Assert.True(contact.Parameters.IsEmpty);
    }

    [Fact] // §3.3.14 REGISTER with a URL Escaped Header
    public void Regescrt_decodes_the_escaped_uri_header_of_the_contact()
    {
        var contact = Rfc4475Messages.Parse("regescrt").Contacts.ToList().Single();

        Assert.Equal("<sip:sip.example.com>", contact.Uri.Headers.GetValue("Route"));
        Assert.False(contact.Parameters.Contains("Route"));
    }

    [Fact] // §3.3.15 Unacceptable Accept Offering
    public void Sdp01_is_answered_406_because_the_caller_accepts_no_sdp()
    {
        var message = Rfc4475Messages.Parse("sdp01");

        Assert.Equal("text/nobodyKnowsThis", message.Accept.ToList().Single().MediaTypeName);
        Assert.Equal(406, Validator.Validate(message).StatusCode);
    }
}
