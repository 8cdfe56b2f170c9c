using System.Net;
using BenchmarkDotNet.Attributes;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Stack;
using Huawu.Sip.Transactions;

namespace Huawu.Benchmarks.Sip;

/// <summary>
/// One whole call through two stacks wired back to back in memory: INVITE → 200 → ACK → BYE → 200, with every
/// transaction and dialog created, matched and ended. Operations per second are calls per second; allocated bytes
/// are bytes per call. Timers are shortened (T1 = 10 ms) so that finished transactions leave the tables quickly; not
/// further, since Timer B (64·T1) must outlast a busy machine's thread-pool delays or a call times out (408, no dialog).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CallBenchmarks : ISipRequestHandler, ISipDialogHandler
{
    private static readonly byte[] Offer = System.Text.Encoding.ASCII.GetBytes(SipSamples.Sdp);
    private SipStack caller = null!;
    private SipStack callee = null!;
    private string target = "";

    [GlobalSetup]
    public void Setup()
    {
        var callerWire = new InMemoryWire(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060));
        var calleeWire = new InMemoryWire(new IPEndPoint(IPAddress.Parse("192.0.2.2"), 5060)) { Peer = callerWire };
        callerWire.Peer = calleeWire;
        var options = new SipStackOptions
        {
            Timers = new SipTimerOptions
            {
                T1 = TimeSpan.FromMilliseconds(10),
                T2 = TimeSpan.FromMilliseconds(40),
                T4 = TimeSpan.FromMilliseconds(50),
                TimerD = TimeSpan.FromMilliseconds(320),
            },
        };
        caller = new SipStack(options, this, TimeProvider.System, null, [callerWire]);
        callee = new SipStack(options, this, TimeProvider.System, null, [calleeWire]);
        caller.Start();
        callee.Start();
        target = "sip:callee@192.0.2.2:5060;transport=tcp";
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        caller.DisposeAsync().AsTask().GetAwaiter().GetResult();
        callee.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public int InviteOkAckByeOk()
    {
        var call = caller.SendInvite(caller.CreateInvite(target, "sip:robot@192.0.2.1", null, Offer), this);
        // The wire is synchronous: the 200 (and the ACK) happened inside SendInvite.
        var answer = call.FinalResponse.Result;
        var bye = answer.Dialog!.SendBye().FinalResponse.Result;
        return answer.StatusCode + bye.StatusCode;
    }

    public void OnRequest(SipServerTransaction request) =>
        request.Accept(request.CreateResponse(200).SetBody(Offer, "application/sdp"), this);

    public void OnRequest(SipDialog dialog, SipServerTransaction request) => request.Respond(200);

    public void OnAckTimeout(SipDialog dialog) => throw new InvalidOperationException("Every 2xx is acknowledged at once.");
}
