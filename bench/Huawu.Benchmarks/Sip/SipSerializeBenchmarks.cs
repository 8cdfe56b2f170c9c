using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;

namespace Huawu.Benchmarks.Sip;

/// <summary>Building a response from a parsed request (RFC 3261 §8.2.6) and serializing it into a reused buffer.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SipSerializeBenchmarks
{
    private static readonly byte[] AnswerSdp = Encoding.ASCII.GetBytes(SipSamples.Sdp);
    private readonly ArrayBufferWriter<byte> writer = new(4096);
    private SipMessage invite = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!SipParser.TryParse(SipSamples.Invite, out var parsed, out var error)) throw new InvalidOperationException(error.Reason);
        invite = parsed;
    }

    [Benchmark]
    public int Serialize180Ringing()
    {
        writer.ResetWrittenCount();
        return SipMessageBuilder.CreateResponse(invite, 180, toTag: "a6c85cf").WriteTo(writer);
    }

    [Benchmark]
    public int Serialize200OkWithSdp()
    {
        writer.ResetWrittenCount();
        return SipMessageBuilder.CreateResponse(invite, 200, toTag: "a6c85cf")
            .AddHeader(HeaderId.Contact, "<sip:4001234567@198.51.100.20:5060>")
            .SetBody(AnswerSdp, "application/sdp")
            .WriteTo(writer);
    }
}
