using System.Net;
using System.Net.Sockets;
using System.Text;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Tests.Transport;

/// <summary>UDP on 127.0.0.1: the bound port and response routing with received/rport (RFC 3261 §18.2, RFC 3581).</summary>
public sealed class UdpTransportTests
{
    [Fact]
    public async Task Port_zero_binds_a_real_port_and_reports_it()
    {
        await using var node = new LoopbackStack();
        Assert.NotEqual(0, node.Udp.Port);
        Assert.NotEqual(0, node.Tcp.Port);
    }

    [Fact]
    public async Task A_client_asking_rport_gets_its_response_at_its_source_port_with_received_and_rport()
    {
        await using var node = new LoopbackStack();
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        // The Via claims a host and port the client does not use, as behind a NAT.
        await client.SendAsync(LoopbackStack.Options("UDP", "10.1.2.3:5060", "z9hG4bKnat", ";rport"), node.Udp);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await client.ReceiveAsync(timeout.Token);
        Assert.True(SipParser.TryParse(received.Buffer, out var response, out var error), error.Reason);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("127.0.0.1", response.TopVia.Received);
        Assert.Equal(port, response.TopVia.Rport);
        Assert.Equal(node.Udp, received.RemoteEndPoint); // sent from the socket the request came to
    }

    [Fact]
    public async Task Datagrams_from_two_peers_in_turn_are_answered_to_each()
    {
        await using var node = new LoopbackStack();
        using var first = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var second = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        for (var round = 0; round < 3; round++)
        {
            foreach (var (client, name) in new[] { (first, "a"), (second, "b") })
            {
                var branch = $"z9hG4bK{name}{round}";
                await client.SendAsync(LoopbackStack.Options("UDP", "10.9.9.9:5060", branch, ";rport"), node.Udp);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var received = await client.ReceiveAsync(timeout.Token);
                Assert.Contains(branch, Encoding.ASCII.GetString(received.Buffer), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_stack_sends_and_receives_a_request_over_udp()
    {
        await using var node = new LoopbackStack();
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var peerPort = ((IPEndPoint)peer.Client.LocalEndPoint!).Port;
        var request = node.Stack.Send(node.Stack.CreateRequest(SipMethod.Message, $"sip:peer@127.0.0.1:{peerPort}", "sip:robot@127.0.0.1").SetBody("hi"u8.ToArray(), "text/plain"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await peer.ReceiveAsync(timeout.Token);
        Assert.True(SipParser.TryParse(received.Buffer, out var message, out _));
        var ok = Huawu.Sip.Building.SipMessageBuilder.CreateResponse(message, 200, toTag: "p").ToArray();
        await peer.SendAsync(ok, received.RemoteEndPoint);

        var final = await request.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, final.StatusCode);
        Assert.Equal("hi", Encoding.UTF8.GetString(message.Body.Span));
    }
}
