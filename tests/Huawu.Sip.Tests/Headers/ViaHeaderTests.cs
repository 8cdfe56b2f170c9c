using Huawu.Sip.Headers;

namespace Huawu.Sip.Tests.Headers;

/// <summary>RFC 3261 §20.42 Via, with RFC 3581 rport.</summary>
public sealed class ViaHeaderTests
{
    private static ViaHeader Parse(string text)
    {
        Assert.True(ViaHeader.TryParse(text, out var via), text);
        return via;
    }

    [Fact]
    public void Sent_protocol_sent_by_and_transaction_parameters_are_located()
    {
        var via = Parse("SIP/2.0/TCP client.example.com:5070;branch=z9hG4bK74bf9;received=192.0.2.101;rport=5071;maddr=224.2.0.1;ttl=16;x=y");

        Assert.Equal("SIP", SipText.Text(via.ProtocolNameBytes));
        Assert.Equal("2.0", SipText.Text(via.ProtocolVersionBytes));
        Assert.Equal(TransportProtocol.Tcp, via.Transport);
        Assert.Equal(("client.example.com", 5070), (via.Host, via.Port));
        Assert.Equal("z9hG4bK74bf9", via.Branch);
        Assert.True(via.HasRfc3261Branch);
        Assert.Equal("192.0.2.101", via.Received);
        Assert.Equal((true, 5071), (via.HasRport, via.Rport));
        Assert.Equal("224.2.0.1", via.Maddr);
        Assert.Equal(16, via.Ttl);
        Assert.Equal("y", via.Parameters.GetValue("x"));
    }

    [Fact]
    public void Absent_parameters_read_as_absent()
    {
        var via = Parse("SIP/2.0/UDP 192.0.2.1");

        Assert.False(via.HasPort);
        Assert.Equal(0, via.Port);
        Assert.False(via.HasBranch);
        Assert.Null(via.Branch);
        Assert.False(via.HasRport);
        Assert.Null(via.Received);
        Assert.Equal(-1, via.Ttl);
    }

    [Theory]
    [InlineData("SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKa;received=2001:db8::9", "[2001:db8::1]", "2001:db8::9")]
    [InlineData("SIP  /  2.0 /\r\n UDP   host.example.com  :  5060 ;  branch  =  z9hG4bKb ; received = 10.0.0.1", "host.example.com", "10.0.0.1")]
    public void White_space_folding_and_ipv6_are_accepted(string text, string host, string received)
    {
        var via = Parse(text);

        Assert.Equal(host, via.Host);
        Assert.Equal(received, via.Received);
        Assert.Equal(5060, via.Port);
    }

    [Theory]
    [InlineData("SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK56sdasks", TransportProtocol.Wss)]
    [InlineData("SIP/2.0/WS df7jal23ls0d.invalid", TransportProtocol.Ws)]
    [InlineData("SIP/2.0/tls host", TransportProtocol.Tls)]
    [InlineData("SIP/2.0/SCTP host", TransportProtocol.Sctp)]
    [InlineData("SIP/2.0/TLS-SCTP host", TransportProtocol.TlsSctp)]
    [InlineData("SIP/2.0/QUIC host", TransportProtocol.Unknown)]
    public void Transports_are_recognized_ignoring_case(string text, TransportProtocol transport) =>
        Assert.Equal(transport, Parse(text).Transport);

    [Theory]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0 host")]
    [InlineData("SIP/2.0/UDPhost")]
    [InlineData("SIP/2.0/UDP host;")]
    [InlineData("SIP/2.0/UDP host;;")]
    [InlineData("SIP/2.0/UDP 192.0.2.15;;,;,,")] // RFC 4475 §3.1.2.1
    [InlineData("SIP/2.0/UDP host:99999")]
    [InlineData("SIP/2.0/UDP host;branch=\"quoted\"")]
    [InlineData("SIP/2.0/UDP host;branch")]
    [InlineData("SIP/2.0/UDP host;received=host.example.com")]
    [InlineData("SIP/2.0/UDP host;rport=abc")]
    [InlineData("SIP/2.0/UDP host;ttl=256")]
    [InlineData("SIP/2.0/UDP host;maddr=-bad")]
    [InlineData("SIP/2.0/UDP host extra")]
    [InlineData("SIP/2.0/UDP host, SIP/2.0/UDP other")]
    public void Malformed_vias_are_rejected(string text) => Assert.False(ViaHeader.TryParse(text, out _), text);

    [Theory]
    [InlineData("z9hG4bK", false)] // RFC 4475 §3.2.1 "badbranch"
    [InlineData("z9hG4bKx", true)]
    [InlineData("Z9HG4BKx", false)] // the cookie is case-sensitive
    [InlineData("390skdjuw", false)]
    public void Only_a_branch_beyond_the_magic_cookie_marks_rfc3261_matching(string branch, bool rfc3261) =>
        Assert.Equal(rfc3261, Parse("SIP/2.0/UDP host;branch=" + branch).HasRfc3261Branch);
}
