using System.Net;
using System.Net.Sockets;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;
using Huawu.Sip.Stack;
using Huawu.Sip.Transactions;

namespace Huawu.Sip.Tests.Rfc4475;

/// <summary>
/// Every RFC 4475 message sent to a running stack over UDP on 127.0.0.1: the answer (or silence) its section asks
/// for. The TU answers whatever reaches it with 486, so "accepted" shows as 486 (481 for a request naming a dialog
/// that does not exist); each message is followed by an
/// OPTIONS probe, whose answer proves the message before it was fully handled (one receive loop keeps order).
/// </summary>
public sealed class Rfc4475EndToEndTests : ISipRequestHandler, IAsyncLifetime
{
    private const int AcceptedMarker = 486;
    private SipStack stack = null!;
    private UdpClient client = null!;
    private readonly List<Exception> exceptions = [];
    private int probes;

    public Task InitializeAsync()
    {
        stack = new SipStack(
            new SipStackOptions
            {
                Listeners = [new(TransportProtocol.Udp, "127.0.0.1", 0)],
                Capabilities = new()
                {
                    Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "MESSAGE"],
                    ContentTypes = ["application/sdp", "multipart/mixed", "text/plain"],
                },
                // The messages' Vias name hosts of the RFC's examples: answer the packet's source instead.
                SymmetricResponseRouting = true,
                UdpReceiveLoops = 1,
                // Nobody ACKs the 486s to INVITEs: with T1 this long their retransmissions (RFC 3261 §17.2.1) come
                // after the test, never while it waits for another message's answer.
                Timers = new SipTimerOptions { T1 = TimeSpan.FromSeconds(30) },
                AnswerOptions = false,
                UnhandledException = exception => { lock (exceptions) exceptions.Add(exception); },
            },
            this);
        stack.Start();
        client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await stack.DisposeAsync();
    }

    void ISipRequestHandler.OnRequest(SipServerTransaction request) => request.Respond(AcceptedMarker);

    [Fact]
    public async Task Every_message_gets_the_answer_its_section_asks_for()
    {
        var failures = new List<string>();
        foreach (var expected in Rfc4475Expectations.All)
        {
            var bytes = Rfc4475Messages.Load(expected.Name);
            var answer = await SendAsync(bytes);
            var wanted = expected.Outcome switch
            {
                // A valid request with a To tag names a dialog this UAS does not have (§3.1.1.1 "wsinv"): 481 (RFC 3261 §12.2.2).
                Rfc4475Outcome.Accepted when SipParser.TryParse(bytes, out var request, out _) && request.To.HasTag => "481",
                Rfc4475Outcome.Accepted => $"{AcceptedMarker}",
                Rfc4475Outcome.ParserAnswers400 => $"400 {expected.Reason}",
                Rfc4475Outcome.ValidatorAnswers when expected.Reason is not null => $"{expected.Status} {expected.Reason}",
                Rfc4475Outcome.ValidatorAnswers => $"{expected.Status}",
                _ => "silence",
            };
            var got = answer is null ? "silence" : wanted.Contains(' ', StringComparison.Ordinal) ? answer : answer.Split(' ')[0];
            if (got != wanted) failures.Add($"§{expected.Section} {expected.Name}: expected {wanted}, got {got}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(exceptions);

        var statistics = stack.GetStatistics();
        // Five responses, none answered: unreason and noreason match no transaction (§18.1.2); bcast carries two
        // Vias, so it was not meant for a UAC (RFC 3261 §8.1.3.3); scalarlg and bigcode do not parse.
        Assert.Equal(2, statistics[SipCounter.StrayResponsesDropped]);
        Assert.Equal(3, statistics[SipCounter.MalformedResponsesDropped]);
    }

    /// <summary>
    /// "status reason" of the answer to <paramref name="message"/>, or null when the stack stayed silent. Answers made on
    /// the TU's thread can trail the probe's on a loaded machine (a late 481 once shifted every later answer by one), so
    /// when none has come by the probe's answer the socket is watched a little longer.
    /// </summary>
    private async Task<string?> SendAsync(byte[] message)
    {
        await client.SendAsync(message, stack.LocalEndPoints[0].EndPoint);
        var probeBranch = "z9hG4bKprobe" + ++probes;
        await client.SendAsync(Huawu.Sip.Tests.Transport.LoopbackStack.Options("UDP", "127.0.0.1:9", probeBranch), stack.LocalEndPoints[0].EndPoint);
        string? answer = null;
        var probeAnswered = false;
        while (answer is null || !probeAnswered)
        {
            using var timeout = new CancellationTokenSource(probeAnswered ? TimeSpan.FromMilliseconds(150) : TimeSpan.FromSeconds(10));
            UdpReceiveResult datagram;
            try
            {
                datagram = await client.ReceiveAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (probeAnswered)
            {
                return null;
            }
            var parsed = SipParser.TryParse(datagram.Buffer, out var response, out var error) ? response : error.PartialMessage!;
            if (parsed.ToString().Contains(probeBranch, StringComparison.Ordinal)) probeAnswered = true;
            else answer ??= $"{parsed.StatusCode} {parsed.ReasonPhrase}";
        }
        return answer;
    }
}
