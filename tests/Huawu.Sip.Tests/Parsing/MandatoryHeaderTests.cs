using Huawu.Sip.Messages;

namespace Huawu.Sip.Tests.Parsing;

/// <summary>RFC 3261 §8.1.1 and §20: the headers checked on receipt of every message.</summary>
public sealed class MandatoryHeaderTests
{
    private static string[] Without(string prefix) => [.. SipText.Options().Where(l => !l.StartsWith(prefix, StringComparison.Ordinal))];

    private static string[] Replacing(string prefix, string line) =>
        [.. SipText.Options().Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? line : l)];

    [Theory]
    [InlineData("Via:", "Missing Via")]
    [InlineData("From:", "Missing From")]
    [InlineData("To:", "Missing To")]
    [InlineData("Call-ID:", "Missing Call-ID")]
    [InlineData("CSeq:", "Missing CSeq")]
    public void Mandatory_headers_must_be_present(string header, string reason) =>
        Assert.Equal(reason, SipText.Reject(Without(header)).Reason);

    [Fact]
    public void Max_forwards_may_be_absent_for_rfc2543_peers() // RFC 4475 §3.4.1
    {
        Assert.Null(SipText.Parse(Without("Max-Forwards:")).MaxForwards);
    }

    [Theory]
    [InlineData("From: <sip:carol@example.com>;tag=9", "Multiple From headers")]
    [InlineData("To: <sip:carol@example.com>", "Multiple To headers")]
    [InlineData("i: other-call", "Multiple Call-ID headers")]
    [InlineData("Max-Forwards: 5", "Multiple Max-Forwards headers")]
    [InlineData("l: 0", "Multiple Content-Length headers")]
    public void Single_valued_headers_must_not_repeat(string extra, string reason) => // RFC 4475 §3.3.8, §3.3.9
        Assert.Equal(reason, SipText.Reject(SipText.Options(extra)).Reason);

    [Theory]
    [InlineData("CSeq: 2147483647 OPTIONS", 2147483647u)]
    [InlineData("CSeq: 0 OPTIONS", 0u)]
    [InlineData("CSeq:    0009\r\n  OPTIONS", 9u)]
    public void Cseq_numbers_up_to_2_pow_31_minus_1_are_accepted(string line, uint number) =>
        Assert.Equal(number, SipText.Parse(Replacing("CSeq:", line)).CSeq.Number);

    [Theory]
    [InlineData("CSeq: 2147483648 OPTIONS")] // RFC 3261 §8.1.1.5: less than 2**31
    [InlineData("CSeq: 36893488147419103232 OPTIONS")] // RFC 4475 §3.1.2.4
    [InlineData("CSeq: OPTIONS")]
    [InlineData("CSeq: 1OPTIONS")]
    [InlineData("CSeq: 1 OPTIONS extra")]
    [InlineData("CSeq: -1 OPTIONS")]
    public void Bad_cseq_values_are_rejected(string line) => Assert.Equal("Bad CSeq", SipText.Reject(Replacing("CSeq:", line)).Reason);

    [Fact]
    public void The_cseq_method_must_match_the_request_method() => // RFC 3261 §8.1.1.5
        Assert.Equal("CSeq method does not match the request method", SipText.Reject(Replacing("CSeq:", "CSeq: 1 INVITE")).Reason);

    [Theory]
    [InlineData("Max-Forwards: 255", 255)]
    [InlineData("Max-Forwards: 0", 0)]
    [InlineData("Max-Forwards: 0068", 68)]
    public void Max_forwards_runs_from_0_to_255(string line, int value) =>
        Assert.Equal(value, SipText.Parse(Replacing("Max-Forwards:", line)).MaxForwards);

    [Theory]
    [InlineData("Max-Forwards: 256")]
    [InlineData("Max-Forwards: 300")] // RFC 4475 §3.1.2.4
    [InlineData("Max-Forwards: seventy")]
    [InlineData("Max-Forwards: 7 0")]
    public void Bad_max_forwards_values_are_rejected(string line) =>
        Assert.Equal("Bad Max-Forwards", SipText.Reject(Replacing("Max-Forwards:", line)).Reason);

    [Theory]
    [InlineData("Call-ID: f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com")]
    [InlineData("Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{")] // RFC 4475 §3.1.1.2
    [InlineData("Call-ID: no-host-part")]
    public void Call_id_is_a_word_with_an_optional_at_word(string line) =>
        Assert.Equal(line[9..], SipText.Parse(Replacing("Call-ID:", line)).CallId);

    [Theory]
    [InlineData("Call-ID: has space")]
    [InlineData("Call-ID: a@b@c")]
    [InlineData("Call-ID: trailing@")]
    [InlineData("Call-ID:")]
    public void Bad_call_ids_are_rejected(string line) => Assert.Equal("Malformed Call-ID", SipText.Reject(Replacing("Call-ID:", line)).Reason);

    [Fact]
    public void A_response_needs_no_max_forwards_and_takes_its_method_from_cseq()
    {
        var message = SipText.Parse(
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKabc123",
            "From: <sip:alice@example.com>;tag=1",
            "To: <sip:bob@example.com>;tag=2",
            "Call-ID: call-1@example.com",
            "CSeq: 7 BYE",
            "Content-Length: 0");

        Assert.Equal(SipMethod.Bye, message.Method);
        Assert.Equal(("1", "2"), (message.From.Tag, message.To.Tag));
    }

    [Fact]
    public void What_the_transaction_layer_reads_is_available_without_strings()
    {
        var message = SipText.Parse(SipText.Options());

        Assert.Equal("z9hG4bKabc123", SipText.Text(message.TopVia.BranchBytes));
        Assert.True(message.TopVia.HasRfc3261Branch);
        Assert.Equal("host.example.com", SipText.Text(message.TopVia.HostBytes));
        Assert.Equal("call-1@example.com", SipText.Text(message.CallIdBytes));
        Assert.Equal("1", SipText.Text(message.From.TagBytes));
        Assert.True(message.To.TagBytes.IsEmpty);
        Assert.Equal(KnownMethod.Options, message.CSeq.KnownMethod);
    }
}
