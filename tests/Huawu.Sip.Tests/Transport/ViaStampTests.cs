using System.Net;
using Huawu.Sip.Headers;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Tests.Transport;

/// <summary>The top Via a server transport stamps (RFC 3261 §18.2.1, RFC 3581 §4).</summary>
public sealed class ViaStampTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("203.0.113.50"), 40123);

    private static string? Stamp(string via, IPEndPoint? source = null, bool force = false)
    {
        Assert.True(ViaHeader.TryParse(via, out var parsed));
        return ViaStamp.Stamp(parsed, source ?? Source, force);
    }

    [Fact]
    public void A_sent_by_address_equal_to_the_source_is_left_alone() =>
        Assert.Null(Stamp("SIP/2.0/UDP 203.0.113.50:5060;branch=z9hG4bK1"));

    [Fact]
    public void A_host_name_always_gets_received() =>
        Assert.Equal("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1;received=203.0.113.50", Stamp("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1"));

    [Fact]
    public void Rport_gets_the_source_port_and_received_even_when_the_address_matches() =>
        Assert.Equal("SIP/2.0/UDP 203.0.113.50:5060;branch=z9hG4bK1;received=203.0.113.50;rport=40123",
            Stamp("SIP/2.0/UDP 203.0.113.50:5060;rport;branch=z9hG4bK1"));

    [Fact]
    public void An_existing_received_is_replaced_and_other_parameters_kept() =>
        Assert.Equal("SIP/2.0/TCP 10.0.0.1:5060;branch=z9hG4bK1;ttl=3;x=\"a b\";received=203.0.113.50",
            Stamp("SIP/2.0/TCP 10.0.0.1:5060;received=1.2.3.4;branch=z9hG4bK1;ttl=3;x=\"a b\""));

    [Fact]
    public void Symmetric_routing_adds_rport_unasked() =>
        Assert.EndsWith(";received=203.0.113.50;rport=40123", Stamp("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1", force: true), StringComparison.Ordinal);

    [Fact]
    public void An_IPv4_peer_seen_on_a_dual_stack_socket_is_written_as_IPv4()
    {
        var mapped = new IPEndPoint(IPAddress.Parse("203.0.113.50").MapToIPv6(), 5060);
        Assert.Null(Stamp("SIP/2.0/UDP 203.0.113.50:5060;branch=z9hG4bK1", mapped));
        Assert.EndsWith(";received=203.0.113.50", Stamp("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1", mapped), StringComparison.Ordinal);
    }

    [Fact]
    public void An_IPv6_sent_by_equal_to_the_source_is_left_alone() =>
        Assert.Null(Stamp("SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK1", new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5060)));
}
