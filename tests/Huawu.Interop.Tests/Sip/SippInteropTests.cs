using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Testing.Peers;

namespace Huawu.Interop.Tests.Sip;

/// <summary>The stack against SIPp on 127.0.0.1, as UAS (SIPp -sn uac) and as UAC (SIPp -sn uas), over UDP and TCP.</summary>
public sealed class SippInteropTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(TransportProtocol.Udp, "u1")]
    [InlineData(TransportProtocol.Tcp, "t1")]
    public async Task Sipp_calls_the_stack_and_every_call_succeeds(TransportProtocol transport, string sippTransport)
    {
        await using var uas = new MinimalUas(transport);
        await using var sipp = Sipp.Start(FreePorts.Next(),
            ["-sn", "uac", $"127.0.0.1:{uas.EndPoint.Port}", "-t", sippTransport, "-m", "50", "-r", "25", "-timeout", "30s", "-timeout_error"]);

        await Sipp.AssertAllCallsSucceededAsync(sipp, Bound);
        Assert.Equal(50, uas.Answered);
        await WaitUntilAsync(() => uas.Ended == 50);
        Assert.Equal(0, uas.Stack.GetStatistics().OpenDialogs);
    }

    [Theory]
    [InlineData(TransportProtocol.Udp, "u1", "")]
    [InlineData(TransportProtocol.Tcp, "t1", ";transport=tcp")]
    public async Task The_stack_calls_sipp_and_hangs_up(TransportProtocol transport, string sippTransport, string uriTransport)
    {
        const int calls = 10;
        var port = FreePorts.Next();
        await using var sipp = Sipp.Start(port, ["-sn", "uas", "-t", sippTransport, "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture), "-timeout", "30s", "-timeout_error"]);
        await using var uac = new MinimalUas(transport);
        var handler = new HangUpHandler();
        if (transport == TransportProtocol.Tcp) await WaitForTcpListenerAsync(port); // over UDP, INVITE retransmissions cover SIPp's start

        for (var i = 0; i < calls; i++)
        {
            var invite = uac.Stack.CreateInvite($"sip:service@127.0.0.1:{port}{uriTransport}", "sip:robot@127.0.0.1", null, "v=0\r\no=huawu 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6002 RTP/AVP 0\r\n"u8.ToArray());
            var call = uac.Stack.SendInvite(invite, handler);
            var final = await call.FinalResponse.WaitAsync(Bound);
            Assert.True(final.IsSuccess, $"call {i}: {final}\n{sipp.Describe()}");
            var bye = await final.Dialog!.SendBye().FinalResponse.WaitAsync(Bound);
            Assert.Equal(200, bye.StatusCode);
        }

        await Sipp.AssertAllCallsSucceededAsync(sipp, Bound);
    }

    [Fact]
    public async Task Sipp_options_get_200_with_allow()
    {
        await using var uas = new MinimalUas();
        await using var sipp = Sipp.Start(FreePorts.Next(),
            ["-sf", Sipp.Scenario("options.xml"), $"127.0.0.1:{uas.EndPoint.Port}", "-m", "5", "-r", "5", "-timeout", "20s", "-timeout_error"]);
        await Sipp.AssertAllCallsSucceededAsync(sipp, Bound);
    }

    private static async Task WaitForTcpListenerAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(50);
            }
        }
        Assert.Fail($"SIPp did not listen on TCP port {port}.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition());
    }

    private sealed class HangUpHandler : ISipDialogHandler
    {
        public void OnRequest(SipDialog dialog, SipServerTransaction request) => request.Respond(200);

        public void OnAckTimeout(SipDialog dialog) => dialog.SendBye();
    }
}
