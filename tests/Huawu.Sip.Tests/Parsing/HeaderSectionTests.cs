using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Tests.Parsing;

/// <summary>RFC 3261 §7.3: header lines, names, folding and compact forms.</summary>
public sealed class HeaderSectionTests
{
    [Fact]
    public void Folded_values_keep_their_bytes_and_unfold_as_text() // RFC 3261 §7.3.1
    {
        var message = SipText.Parse(SipText.Options("Subject: I know you're there,\r\n         pick up the phone\r\n\tand talk to me!"));

        Assert.True(message.TryGetHeader(HeaderId.Subject, out var subject));
        Assert.Contains("\r\n", SipText.Text(subject.ValueBytes), StringComparison.Ordinal);
        Assert.Equal("I know you're there, pick up the phone and talk to me!", subject.Value);
    }

    [Fact]
    public void A_value_may_start_on_a_continuation_line() // RFC 4475 §3.1.1.3 "Contact:\r\n  <sip:…>"
    {
        var message = SipText.Parse(SipText.Options("Contact:\r\n  <sip:alice@pc33.example.com>"));

        Assert.Equal("sip:alice@pc33.example.com", message.Contacts.ToList().Single().Uri.ToString());
    }

    [Theory]
    [InlineData("i", HeaderId.CallId)]
    [InlineData("m", HeaderId.Contact)]
    [InlineData("e", HeaderId.ContentEncoding)]
    [InlineData("l", HeaderId.ContentLength)]
    [InlineData("c", HeaderId.ContentType)]
    [InlineData("f", HeaderId.From)]
    [InlineData("s", HeaderId.Subject)]
    [InlineData("k", HeaderId.Supported)]
    [InlineData("t", HeaderId.To)]
    [InlineData("v", HeaderId.Via)]
    [InlineData("o", HeaderId.Event)]
    [InlineData("u", HeaderId.AllowEvents)]
    [InlineData("r", HeaderId.ReferTo)]
    [InlineData("b", HeaderId.ReferredBy)]
    [InlineData("x", HeaderId.SessionExpires)]
    [InlineData("a", HeaderId.AcceptContact)]
    [InlineData("j", HeaderId.RejectContact)]
    [InlineData("d", HeaderId.RequestDisposition)]
    [InlineData("y", HeaderId.Identity)]
    [InlineData("n", HeaderId.IdentityInfo)]
    [InlineData("V", HeaderId.Via)]
    public void Compact_forms_name_their_headers(string compact, HeaderId id) // RFC 3261 §7.3.3, IANA registry
    {
        Assert.Equal(id, HeaderNames.Lookup(compact));
    }

    [Theory]
    [InlineData("call-id", HeaderId.CallId)]
    [InlineData("CALL-ID", HeaderId.CallId)]
    [InlineData("www-authenticate", HeaderId.WwwAuthenticate)]
    [InlineData("Max-FORWARDS", HeaderId.MaxForwards)]
    [InlineData("cseq", HeaderId.CSeq)]
    [InlineData("X-Custom", HeaderId.Unknown)]
    [InlineData("Vias", HeaderId.Unknown)]
    [InlineData("C%6Fntact", HeaderId.Unknown)] // RFC 4475 §3.1.1.5
    public void Header_names_compare_ignoring_case(string name, HeaderId id) => Assert.Equal(id, HeaderNames.Lookup(name));

    [Fact]
    public void Every_known_header_is_found_by_its_canonical_name()
    {
        foreach (var id in Enum.GetValues<HeaderId>().Where(id => id != HeaderId.Unknown))
        {
            Assert.Equal(id, HeaderNames.Lookup(HeaderNames.GetName(id)));
        }
    }

    [Fact]
    public void White_space_before_the_colon_is_allowed() // HCOLON = *( SP / HTAB ) ":" SWS
    {
        var message = SipText.Parse(SipText.Options("Subject \t:  hello"));

        Assert.True(message.TryGetHeader(HeaderId.Subject, out var subject));
        Assert.Equal("hello", subject.Value);
    }

    [Theory]
    [InlineData("Bad Name: x")]
    [InlineData(": no name")]
    [InlineData("NoColon")]
    public void Malformed_header_lines_are_rejected(string line)
    {
        var error = SipText.Reject(SipText.Options(line));

        Assert.Equal("Malformed header line", error.Reason);
        Assert.True(error.LooksLikeRequest);
        Assert.False(error.CanRespond, "without a readable header section nothing can be copied into a 400");
    }

    [Fact]
    public void White_space_starts_a_continuation_so_it_cannot_start_the_first_header()
    {
        string[] lines = [.. SipText.Options()];
        Assert.Equal("Malformed header line", SipText.Reject([lines[0], " Subject: x", .. lines[1..]]).Reason);
        Assert.Equal("Bad CSeq", SipText.Reject([.. lines[..7], " Subject: x", .. lines[7..]]).Reason);
    }

    [Fact]
    public void A_bare_LF_is_not_a_line_break()
    {
        var bytes = SipText.Message(SipText.Options("Subject: one\nTwo: x"));
        Assert.Equal("Malformed header line", SipText.Reject(bytes).Reason);
    }

    [Fact]
    public void A_datagram_cut_inside_a_header_line_is_incomplete()
    {
        var bytes = SipText.Message(SipText.Options());
        Assert.Equal("Incomplete header section", SipText.Reject(bytes[..^10]).Reason);
    }

    [Fact]
    public void The_header_table_keeps_lines_in_order_with_written_and_canonical_names()
    {
        var message = SipText.Parse(SipText.Options("v: SIP/2.0/TCP second.example.com;branch=z9hG4bK2", "X-Custom: 1"));
        var headers = message.Headers;

        Assert.Equal(9, headers.Count);
        Assert.Equal("v", SipText.Text(headers[6].NameBytes));
        Assert.Equal("Via", headers[6].Name);
        Assert.Equal(HeaderId.Unknown, headers[7].Id);
        Assert.Equal("X-Custom", headers[7].Name);
        Assert.Equal(["host.example.com", "second.example.com"], message.Vias.ToList().Select(v => v.Host));
    }

    [Fact]
    public void Error_reasons_fit_a_400_reason_phrase()
    {
        var error = SipText.Reject(SipText.Options("CSeq: 2 OPTIONS"));

        Assert.Equal("Multiple CSeq headers", error.Reason);
        Assert.Equal(error.Reason, error.ToString());
        Assert.DoesNotContain('\r', error.Reason);
    }
}
