using BenchmarkDotNet.Attributes;
using Huawu.Media.Rtp;

namespace Huawu.Benchmarks.Media;

/// <summary>RTP fixed header parse (with validation) and write, for a 172-byte G.711 packet.</summary>
[MemoryDiagnoser]
public class RtpHeaderBenchmarks
{
    private readonly byte[] _packet = new byte[172];
    private ushort _sequence;

    [GlobalSetup]
    public void Setup() => RtpPacketWriter.WriteHeader(_packet, new RtpHeader(0, 1234, 160_000, 0xCAFEBABE));

    [Benchmark]
    public int Parse()
    {
        RtpPacketView.TryParse(_packet, out var view);
        return view.SequenceNumber + view.Payload.Length + (int)view.Timestamp;
    }

    [Benchmark]
    public int Write() => RtpPacketWriter.WriteHeader(_packet, new RtpHeader(0, _sequence++, 160_000, 0xCAFEBABE, Marker: false));
}
