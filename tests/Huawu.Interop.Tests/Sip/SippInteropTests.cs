using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Sip;

/// <summary>The stack against SIPp on 127.0.0.1, as UAS (SIPp -sn uac) and as UAC (SIPp -sn uas), over UDP and TCP.</summary>
public sealed class SippInteropTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(TransportProtocol.Udp, SippTransport.Udp)]
    [InlineData(TransportProtocol.Tcp, SippTransport.Tcp)]
    public async Task Sipp_calls_the_stack_and_every_call_succeeds(TransportProtocol transport, SippTransport sippTransport)
    {
        await using var uas = new MinimalUas(transport);

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenario.Builtin("uac"),
            Remote = $"127.0.0.1:{uas.EndPoint.Port}",
            LocalPort = FreePorts.Next(),
            Transport = sippTransport,
            MaxCalls = 50,
            CallRate = 25,
            GlobalTimeout = TimeSpan.FromSeconds(30),
        }, Bound);

        Assert.True(result.AllCallsSucceeded, result.Describe());
        Assert.Equal(50, uas.Answered);
        await WaitUntilAsync(() => uas.Ended == 50);
        Assert.Equal(0, uas.Stack.GetStatistics().OpenDialogs);
    }

    [Theory]
    [InlineData(TransportProtocol.Udp, SippTransport.Udp, "")]
    [InlineData(TransportProtocol.Tcp, SippTransport.Tcp, ";transport=tcp")]
    public async Task The_stack_calls_sipp_and_hangs_up(TransportProtocol transport, SippTransport sippTransport, string uriTransport)
    {
        const int calls = 10;
        var port = FreePorts.Next();
        await using var sipp = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenario.Builtin("uas"),
            LocalPort = port,
            Transport = sippTransport,
            MaxCalls = calls,
            GlobalTimeout = TimeSpan.FromSeconds(30),
        });
        await using var uac = new MinimalUas(transport);
        var handler = new HangUpHandler();

        for (var i = 0; i < calls; i++)
        {
            var invite = uac.Stack.CreateInvite($"sip:service@127.0.0.1:{port}{uriTransport}", "sip:robot@127.0.0.1", null, "v=0\r\no=huawu 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6002 RTP/AVP 0\r\n"u8.ToArray());
            var call = uac.Stack.SendInvite(invite, handler);
            var final = await call.FinalResponse.WaitAsync(Bound);
            Assert.True(final.IsSuccess, $"call {i}: {final}");
            var bye = await final.Dialog!.SendBye().FinalResponse.WaitAsync(Bound);
            Assert.Equal(200, bye.StatusCode);
        }

        var result = await sipp.WaitForExitAsync(Bound);
        Assert.True(result.AllCallsSucceeded, result.Describe());
    }

    [Fact]
    public async Task Sipp_options_get_200_with_allow()
    {
        await using var uas = new MinimalUas();

        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacOptions(),
            Remote = $"127.0.0.1:{uas.EndPoint.Port}",
            Service = "service",
            LocalPort = FreePorts.Next(),
            MaxCalls = 5,
            CallRate = 5,
            GlobalTimeout = TimeSpan.FromSeconds(20),
        }, Bound);

        Assert.True(result.AllCallsSucceeded, result.Describe());
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
