using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Tests.Transport;

/// <summary>A real stack on 127.0.0.1 with a UDP and a TCP listener on ports the system picks.</summary>
internal sealed class LoopbackStack : ISipRequestHandler, IAsyncDisposable
{
    public LoopbackStack(TimeProvider? time = null, SipConnectionLimits? connections = null)
    {
        Stack = new SipStack(
            new SipStackOptions
            {
                Listeners = [new(TransportProtocol.Udp, "127.0.0.1", 0), new(TransportProtocol.Tcp, "127.0.0.1", 0)],
                Connections = connections ?? SipConnectionLimits.Default,
                UdpReceiveLoops = 2,
            },
            this,
            time);
        Stack.Start();
    }

    public SipStack Stack { get; }

    public ConcurrentQueue<SipServerTransaction> Requests { get; } = new();

    public IPEndPoint Udp => Stack.LocalEndPoints.Single(e => e.Transport == TransportProtocol.Udp).EndPoint;

    public IPEndPoint Tcp => Stack.LocalEndPoints.Single(e => e.Transport == TransportProtocol.Tcp).EndPoint;

    /// <summary>When set, requests are recorded but left for the test to answer.</summary>
    public bool HoldRequests { get; set; }

    public void OnRequest(SipServerTransaction request)
    {
        Requests.Enqueue(request);
        if (!HoldRequests) request.Respond(200);
    }

    /// <summary>An OPTIONS (or another body-less request) from a client at <paramref name="sentBy"/>.</summary>
    public static byte[] Options(string transport, string sentBy, string branch, string viaParameters = "", string method = "OPTIONS") =>
        Encoding.ASCII.GetBytes(
            $"{method} sip:huawu@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} {sentBy};branch={branch}{viaParameters}\r\nMax-Forwards: 70\r\n"
            + $"From: <sip:test@127.0.0.1>;tag=t1\r\nTo: <sip:huawu@127.0.0.1>\r\nCall-ID: {branch}@test\r\nCSeq: 1 {method}\r\nContent-Length: 0\r\n\r\n");

    public async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        await client.ConnectAsync(Tcp);
        return client;
    }

    /// <summary>Polls <paramref name="condition"/> for up to 10 seconds (bounded, never a fixed sleep to pass).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition(), "timed out waiting until " + what);
    }

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
