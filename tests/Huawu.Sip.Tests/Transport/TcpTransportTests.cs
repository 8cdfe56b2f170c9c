using System.Net.Sockets;
using System.Text;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Framing;
using Huawu.Sip.Transport;
using Huawu.Testing;
using Huawu.Testing.Peers;

namespace Huawu.Sip.Tests.Transport;

/// <summary>TCP on 127.0.0.1: framing (RFC 3261 §18.3), keep-alives (RFC 5626 §3.5.1), and the protections of the listener.</summary>
public sealed class TcpTransportTests
{
    [Fact]
    public async Task A_message_split_across_many_writes_is_framed_and_answered_on_the_same_connection()
    {
        await using var node = new LoopbackStack();
        using var client = await node.ConnectAsync();
        var stream = client.GetStream();
        var message = LoopbackStack.Options("TCP", "127.0.0.1:5999", "z9hG4bKsplit");
        foreach (var piece in message.Chunk(7))
        {
            await stream.WriteAsync(piece);
            await stream.FlushAsync();
        }

        var response = Assert.Single(await StreamReading.ReadResponsesAsync(stream, 1));
        Assert.StartsWith("SIP/2.0 200 OK", response, StringComparison.Ordinal);
        Assert.Contains("branch=z9hG4bKsplit", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_coalesced_in_one_write_are_each_answered()
    {
        await using var node = new LoopbackStack();
        using var client = await node.ConnectAsync();
        var stream = client.GetStream();
        byte[] both = [.. LoopbackStack.Options("TCP", "127.0.0.1:5999", "z9hG4bKone"), .. "\r\n\r\n"u8, .. LoopbackStack.Options("TCP", "127.0.0.1:5999", "z9hG4bKtwo")];
        await stream.WriteAsync(both);

        // The CRLF pair between them is a keep-alive ping, answered with one CRLF (RFC 5626 §3.5.1).
        var responses = await StreamReading.ReadResponsesAsync(stream, 2);
        Assert.Contains(responses, r => r.Contains("z9hG4bKone", StringComparison.Ordinal));
        Assert.Contains(responses, r => r.Contains("z9hG4bKtwo", StringComparison.Ordinal));
        Assert.Equal(1, node.Stack.GetStatistics()[SipCounter.KeepAlivesAnswered]);
    }

    [Fact]
    public async Task A_keep_alive_ping_gets_a_pong()
    {
        await using var node = new LoopbackStack();
        using var client = await node.ConnectAsync();
        var stream = client.GetStream();
        await stream.WriteAsync("\r\n\r\n"u8.ToArray());
        var pong = new byte[2];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.ReadExactlyAsync(pong, timeout.Token);
        Assert.Equal("\r\n"u8.ToArray(), pong);
    }

    [Fact]
    public async Task A_message_that_does_not_complete_before_the_deadline_closes_the_connection()
    {
        // Slowloris: the deadline runs on the injected clock, so the test moves time instead of waiting.
        var time = new ManualTimeProvider();
        await using var node = new LoopbackStack(time, new SipConnectionLimits { MessageDeadline = TimeSpan.FromSeconds(5) });
        var armedBefore = time.ArmedTimerCount;
        using var client = await node.ConnectAsync();
        var stream = client.GetStream();
        await stream.WriteAsync(LoopbackStack.Options("TCP", "127.0.0.1:5999", "z9hG4bKslow").AsMemory(0, 40));
        await LoopbackStack.WaitUntilAsync(() => time.ArmedTimerCount > armedBefore, "the message deadline is armed");
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await StreamReading.IsClosedByPeerAsync(stream));
        Assert.Equal(1, node.Stack.GetStatistics()[SipCounter.ConnectionsClosedSlow]);
    }

    [Fact]
    public async Task A_header_section_beyond_the_limit_closes_the_connection()
    {
        await using var node = new LoopbackStack(connections: new SipConnectionLimits { Framing = new SipFramingLimits { MaxHeaderBytes = 1024 } });
        using var client = await node.ConnectAsync();
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nSubject: " + new string('x', 2000)));

        Assert.True(await StreamReading.IsClosedByPeerAsync(stream));
        Assert.Equal(1, node.Stack.GetStatistics()[SipCounter.ConnectionsClosedMalformed]);
    }

    [Fact]
    public async Task A_body_beyond_the_limit_closes_the_connection()
    {
        await using var node = new LoopbackStack(connections: new SipConnectionLimits { Framing = new SipFramingLimits { MaxBodyBytes = 100 } });
        using var client = await node.ConnectAsync();
        var stream = client.GetStream();
        var text = Encoding.ASCII.GetString(LoopbackStack.Options("TCP", "127.0.0.1:5999", "z9hG4bKbig")).Replace("Content-Length: 0", "Content-Length: 5000", StringComparison.Ordinal);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text));

        Assert.True(await StreamReading.IsClosedByPeerAsync(stream));
    }

    [Fact]
    public async Task Connections_beyond_the_maximum_are_refused()
    {
        await using var node = new LoopbackStack(connections: new SipConnectionLimits { MaxConnections = 2 });
        using var first = await node.ConnectAsync();
        using var second = await node.ConnectAsync();
        await LoopbackStack.WaitUntilAsync(() => node.Stack.GetStatistics().OpenConnections == 2, "two connections are open");
        using var third = await node.ConnectAsync();

        Assert.True(await StreamReading.IsClosedByPeerAsync(third.GetStream()));
        Assert.Equal(1, node.Stack.GetStatistics()[SipCounter.ConnectionsRefused]);
        // The first two still work.
        await first.GetStream().WriteAsync(LoopbackStack.Options("TCP", "127.0.0.1:5999", "z9hG4bKstill"));
        Assert.Single(await StreamReading.ReadResponsesAsync(first.GetStream(), 1));
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_idle_timeout()
    {
        var time = new ManualTimeProvider();
        await using var node = new LoopbackStack(time, new SipConnectionLimits { IdleTimeout = TimeSpan.FromMinutes(4) });
        using var client = await node.ConnectAsync();
        await LoopbackStack.WaitUntilAsync(() => node.Stack.GetStatistics().OpenConnections == 1, "the connection is accepted");
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, node.Stack.GetStatistics().OpenConnections);
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await StreamReading.IsClosedByPeerAsync(client.GetStream()));
        Assert.Equal(1, node.Stack.GetStatistics()[SipCounter.ConnectionsClosedIdle]);
    }

    [Fact]
    public async Task Requests_to_one_tcp_peer_share_one_outgoing_connection()
    {
        await using var node = new LoopbackStack();
        using var peer = new TcpListener(System.Net.IPAddress.Loopback, 0);
        peer.Start();
        var port = ((System.Net.IPEndPoint)peer.LocalEndpoint).Port;
        var target = $"sip:peer@127.0.0.1:{port};transport=tcp";
        node.Stack.Send(node.Stack.CreateRequest(Huawu.Sip.Messages.SipMethod.Options, target, "sip:robot@127.0.0.1"));
        node.Stack.Send(node.Stack.CreateRequest(Huawu.Sip.Messages.SipMethod.Options, target, "sip:robot@127.0.0.1"));

        using var accepted = await peer.AcceptTcpClientAsync();
        var stream = accepted.GetStream();
        var text = new StringBuilder();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (text.ToString().Split("OPTIONS sip:").Length - 1 < 2) text.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer, timeout.Token)));

        Assert.False(peer.Pending()); // no second connection
        // The Via names the TCP listener, where responses on a new connection would come (§18.2.2).
        Assert.Contains($"Via: SIP/2.0/TCP 127.0.0.1:{node.Tcp.Port};", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, node.Stack.GetStatistics().OpenConnections);
    }

    [Fact]
    public async Task A_response_whose_connection_closed_goes_over_a_new_connection_to_the_sent_by_port()
    {
        // RFC 3261 §18.2.2: "the server SHOULD open a connection to the IP address in the received parameter ...
        // using the port in the sent-by value".
        await using var node = new LoopbackStack { HoldRequests = true };
        using var client = new TcpListener(System.Net.IPAddress.Loopback, 0);
        client.Start();
        var sentByPort = ((System.Net.IPEndPoint)client.LocalEndpoint).Port;
        using (var first = await node.ConnectAsync())
        {
            // A MESSAGE, which reaches the TU (the stack would answer an OPTIONS at once).
            await first.GetStream().WriteAsync(LoopbackStack.Options("TCP", $"127.0.0.1:{sentByPort}", "z9hG4bKreconnect", method: "MESSAGE"));
            await LoopbackStack.WaitUntilAsync(() => !node.Requests.IsEmpty, "the request arrives");
        }
        await LoopbackStack.WaitUntilAsync(() => node.Stack.GetStatistics().OpenConnections == 0, "the connection is gone");
        Assert.True(node.Requests.TryPeek(out var request));
        request.Respond(200);

        using var accepted = await client.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var response = Assert.Single(await StreamReading.ReadResponsesAsync(accepted.GetStream(), 1));
        Assert.Contains("branch=z9hG4bKreconnect", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_503_for_the_request()
    {
        // RFC 3261 §8.1.3.1: a transport failure is reported to the TU as a 503.
        await using var node = new LoopbackStack();
        var closedPort = FreePorts.Next();
        var request = node.Stack.Send(node.Stack.CreateRequest(Huawu.Sip.Messages.SipMethod.Options, $"sip:x@127.0.0.1:{closedPort};transport=tcp", "sip:robot@127.0.0.1"));

        var final = await request.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((503, Huawu.Sip.Stack.SipResponseSource.TransportError), (final.StatusCode, final.Source));
    }

    [Fact]
    public async Task A_connection_that_breaks_while_an_invite_rings_fails_it_with_503()
    {
        // RFC 3261 §8.1.3.1: a broken connection is a transport error; Proceeding has no timer to end the wait.
        await using var node = new LoopbackStack();
        using var peer = new TcpListener(System.Net.IPAddress.Loopback, 0);
        peer.Start();
        var port = ((System.Net.IPEndPoint)peer.LocalEndpoint).Port;
        var invite = node.Stack.CreateInvite($"sip:callee@127.0.0.1:{port};transport=tcp", "sip:robot@127.0.0.1", null, "v=0\r\n"u8.ToArray());
        var call = node.Stack.SendInvite(invite, new IgnoringDialogHandler());

        using (var accepted = await peer.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10)))
        {
            var stream = accepted.GetStream();
            var received = new StringBuilder();
            var buffer = new byte[8192];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!received.ToString().Contains("\r\n\r\nv=0", StringComparison.Ordinal)) received.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer, timeout.Token)));
            Assert.True(Huawu.Sip.Parsing.SipParser.TryParse(Encoding.ASCII.GetBytes(received.ToString()), out var sent, out _));
            await stream.WriteAsync(Huawu.Sip.Building.SipMessageBuilder.CreateResponse(sent, 180, toTag: "t").ToArray());
            await LoopbackStack.WaitUntilAsync(() => call.Responses.Count > 0, "the 180 arrives");
        }

        var final = await call.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((503, Huawu.Sip.Stack.SipResponseSource.TransportError), (final.StatusCode, final.Source));
    }

    private sealed class IgnoringDialogHandler : Huawu.Sip.Dialogs.ISipDialogHandler
    {
        public void OnRequest(Huawu.Sip.Dialogs.SipDialog dialog, Huawu.Sip.Stack.SipServerTransaction request) => request.Respond(200);

        public void OnAckTimeout(Huawu.Sip.Dialogs.SipDialog dialog) => dialog.SendBye();
    }
}
