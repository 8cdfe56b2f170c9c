using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Tests.Rfc4475;

/// <summary>RFC 4475 §3.1.1: the valid torture messages parse to the values they were written to carry.</summary>
public sealed class Rfc4475ValidMessageTests
{
    [Fact] // §3.1.1.1 A Short Tortuous INVITE
    public void Wsinv_survives_white_space_folding_and_escapes_everywhere()
    {
        var message = Rfc4475Messages.Parse("wsinv");

        Assert.Equal(SipMethod.Invite, message.Method);
        Assert.Equal("sip:vivekg@chair-dnrc.example.com;unknownparam", message.RequestUri.ToString());
        Assert.True(message.RequestUri.Parameters.Contains("unknownparam"));
        Assert.Equal("sip:vivekg@chair-dnrc.example.com", message.To.Uri.ToString());
        Assert.Equal("1918181833n", message.To.Tag);
        Assert.Equal("J Rosenberg \\\"", message.From.DisplayName);
        Assert.Equal("98asjd8", message.From.Tag);
        Assert.Equal(68, message.MaxForwards);
        Assert.Equal(9u, message.CSeq.Number);
        Assert.Equal(SipMethod.Invite, message.CSeq.Method);

        var vias = message.Vias.ToList();
        Assert.Equal(3, vias.Count);
        Assert.Equal(("192.0.2.2", TransportProtocol.Udp, "390skdjuw"), (vias[0].Host, vias[0].Transport, vias[0].Branch));
        Assert.False(vias[0].HasRfc3261Branch);
        Assert.Equal(("spindle.example.com", TransportProtocol.Tcp, "z9hG4bK9ikj8"), (vias[1].Host, vias[1].Transport, vias[1].Branch));
        Assert.Equal(("192.168.255.111", TransportProtocol.Udp, "z9hG4bK30239"), (vias[2].Host, vias[2].Transport, vias[2].Branch));

        Assert.True(message.TryGetHeader(HeaderId.Subject, out var subject));
        Assert.Equal("", subject.Value);
        Assert.True(message.TryGetHeader("NewFangledHeader", out var newFangled));
        Assert.Equal("newfangled value continued newfangled value", newFangled.Value);
        Assert.True(message.TryGetHeader("UnknownHeaderWithUnusualValue", out var unusual));
        Assert.Equal(";;,,;;,;", unusual.Value);

        var route = Assert.Single(message.Routes.ToList());
        Assert.True(route.Uri.IsLooseRouter);
        Assert.Equal("value", route.Uri.Parameters.GetValue("unknownwith"));
        Assert.Equal("", route.Uri.Parameters.GetValue("unknown-no-value"));

        var contact = Assert.Single(message.Contacts.ToList());
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters.GetValue("newparam"));
        Assert.Equal("", contact.Parameters.GetValue("secondparam"));
        Assert.Equal("0.33", contact.Parameters.GetValue("q"));
        Assert.Equal(150, message.Body.Length);
    }

    [Fact] // §3.1.1.2 Wide Range of Valid Characters
    public void Intmeth_keeps_every_legal_character_of_tokens_words_and_uris()
    {
        var message = Rfc4475Messages.Parse("intmeth");
        const string method = "!interesting-Method0123456789_*+`.%indeed'~";

        Assert.Equal(KnownMethod.Unknown, message.Method.Known);
        Assert.Equal(method, message.Method.Name);
        Assert.Equal(method, message.CSeq.Method.Name);
        Assert.Equal(139122385u, message.CSeq.Number);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", message.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", message.RequestUri.Password);
        Assert.Equal("example.com", message.RequestUri.Host);
        Assert.Equal("BEL:\a NUL:\0 DEL:\u007f", message.To.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", message.From.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", message.From.Tag);
        Assert.Equal("работающий", message.From.Parameters.GetValue("fromParam''~+*_!.-%"));
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", message.CallId);
        Assert.Equal(255, message.MaxForwards);
        Assert.True(message.TryGetHeader("extensionHeader-!.%*+_`'~", out var extension));
        Assert.Equal("\uFEFF大停電", extension.Value);
    }

    [Fact] // §3.1.1.3 Valid Use of the % Escaping Mechanism
    public void Esc01_decodes_escapes_in_user_parts_and_parameters()
    {
        var message = Rfc4475Messages.Parse("esc01");

        Assert.Equal("sips:user@example.com", message.RequestUri.User);
        Assert.Equal("example.net", message.RequestUri.Host);
        Assert.Equal("user", message.To.Uri.User);
        Assert.Equal("I have spaces", message.From.Uri.User);
        var contact = Assert.Single(message.Contacts.ToList());
        Assert.Equal("caller", contact.Uri.User);
        Assert.True(contact.Uri.IsLooseRouter, "%6C%72 is the lr parameter");
        Assert.Equal("value%41", contact.Uri.Parameters.GetValue("name"));
    }

    [Fact] // §3.1.1.4 Escaped Nulls in URIs
    public void Escnull_decodes_escaped_nulls()
    {
        var message = Rfc4475Messages.Parse("escnull");

        Assert.Equal("null-\0-null", message.To.Uri.User);
        Assert.Equal(["\0", "\0\0"], message.Contacts.ToList().Select(c => c.Uri.User));
    }

    [Fact] // §3.1.1.5 Use of % When It Is Not an Escape
    public void Esc02_treats_percent_in_tokens_as_a_character()
    {
        var message = Rfc4475Messages.Parse("esc02");

        Assert.Equal(KnownMethod.Unknown, message.Method.Known);
        Assert.Equal("RE%47IST%45R", message.Method.Name);
        Assert.Equal("%Z%45", message.To.DisplayName);
        Assert.Equal("z9hG4bK209%fzsnel234", message.TopVia.Branch);
        Assert.Equal(2, message.Contacts.Count());
        Assert.True(message.TryGetHeader("C%6Fntact", out var notContact));
        Assert.Equal(HeaderId.Unknown, notContact.Id);
    }

    [Fact] // §3.1.1.6 Message with No LWS between Display Name and <
    public void Lwsdisp_reads_a_token_display_name_directly_before_the_bracket()
    {
        var message = Rfc4475Messages.Parse("lwsdisp");

        Assert.Equal("caller", message.From.DisplayName);
        Assert.Equal("sip:caller@example.com", message.From.Uri.ToString());
        Assert.Equal("323", message.From.Tag);
    }

    [Fact] // §3.1.1.7 Long Values in Header Fields
    public void Longreq_handles_long_values_and_34_vias_in_every_spelling()
    {
        var message = Rfc4475Messages.Parse("longreq");

        Assert.StartsWith("I have a user name of extremeextreme", message.To.DisplayName);
        Assert.Equal(6000, message.To.Uri.Port);
        Assert.Equal("shortvalue", message.To.Uri.Parameters.GetValue("longparam" + string.Concat(Enumerable.Repeat("name", 25))));
        Assert.Equal(155, message.From.Tag!.Length);
        Assert.StartsWith("onereallyreally", message.CallId[8..]);

        var vias = message.Vias.ToList();
        Assert.Equal(34, vias.Count);
        Assert.Equal("sip33.example.com", vias[0].Host);
        Assert.False(vias[0].HasBranch);
        Assert.Equal("192.0.2.5", vias[33].Received);
        Assert.StartsWith("verylonglong", vias[33].Branch);
        Assert.Equal(150, message.Body.Length);
    }

    [Fact] // §3.1.1.8 Extra Trailing Octets in a UDP Datagram
    public void Dblreq_ignores_octets_after_the_content_length()
    {
        var bytes = Rfc4475Messages.Load("dblreq");
        var message = SipText.Parse(bytes);

        Assert.Equal(SipMethod.Register, message.Method);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", message.CallId);
        Assert.True(message.Body.IsEmpty);
        Assert.True(message.Buffer.Length < bytes.Length);
        Assert.EndsWith("Content-Length: 0\r\n\r\n", SipText.Text(message.Buffer));
    }

    [Fact] // §3.1.1.9 Semicolon-Separated Parameters in URI User Part
    public void Semiuri_keeps_semicolons_of_the_user_part_in_the_user()
    {
        var message = Rfc4475Messages.Parse("semiuri");

        Assert.Equal("user;par=u@example.net", message.RequestUri.User);
        Assert.Equal("example.com", message.RequestUri.Host);
        Assert.True(message.RequestUri.Parameters.IsEmpty);
        Assert.Equal(
            ["application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag"],
            message.Accept.ToList().Select(t => t.MediaTypeName));
    }

    [Fact] // §3.1.1.10 Varied and Unknown Transport Types
    public void Transports_recognizes_known_transports_and_keeps_unknown_ones()
    {
        var vias = Rfc4475Messages.Parse("transports").Vias.ToList();

        Assert.Equal(
            [TransportProtocol.Udp, TransportProtocol.Sctp, TransportProtocol.Tls, TransportProtocol.Unknown, TransportProtocol.Tcp],
            vias.Select(v => v.Transport));
        Assert.Equal("UNKNOWN", SipText.Text(vias[3].TransportBytes));
    }

    [Fact] // §3.1.1.11 Multipart MIME Message
    public void Mpart01_keeps_the_binary_multipart_body_whole()
    {
        var message = Rfc4475Messages.Parse("mpart01");

        Assert.Equal(553, message.Body.Length);
        Assert.True(message.TryGetContentType(out var type));
        Assert.Equal("multipart/mixed", type.MediaTypeName);
        Assert.Equal("7a9cbec02ceef655", type.Parameters.GetValue("boundary"));
        Assert.StartsWith("--7a9cbec02ceef655\r\n", SipText.Text(message.Body));
        Assert.EndsWith("--7a9cbec02ceef655--\r\n", SipText.Text(message.Body));
        Assert.True(message.TopVia.HasRport);
        Assert.Equal(0, message.TopVia.Rport);
    }

    [Fact] // §3.1.1.12 Unusual Reason Phrase
    public void Unreason_reads_a_utf8_reason_phrase()
    {
        var message = Rfc4475Messages.Parse("unreason");

        Assert.Equal(200, message.StatusCode);
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", message.ReasonPhrase);
        Assert.Equal(SipMethod.Invite, message.Method);
    }

    [Fact] // §3.1.1.13 Empty Reason Phrase
    public void Noreason_accepts_an_empty_reason_phrase()
    {
        var message = Rfc4475Messages.Parse("noreason");

        Assert.Equal(100, message.StatusCode);
        Assert.Equal("", message.ReasonPhrase);
    }
}
