using BenchmarkDotNet.Attributes;
using Huawu.Media.Codecs;
using Huawu.Media.Jitter;

namespace Huawu.Benchmarks.Media;

/// <summary>One packet in and one 20 ms frame out (decode included), in steady state.</summary>
[MemoryDiagnoser]
public class JitterBufferBenchmarks
{
    private readonly byte[] _payload = new byte[160];
    private readonly short[] _frame = new short[160];
    private JitterBuffer _buffer = null!;
    private ushort _sequence;
    private uint _timestamp;

    [GlobalSetup]
    public void Setup()
    {
        _buffer = new JitterBuffer(AudioCodecs.Pcmu.CreateDecoder(), 8000, 8000, new JitterBufferOptions());
        for (var i = 0; i < 3; i++) PutNext();
    }

    [Benchmark]
    public int PutAndTake()
    {
        PutNext();
        return (int)_buffer.Take(_frame);
    }

    private void PutNext()
    {
        _buffer.Put(1, _sequence++, _timestamp, _payload);
        _timestamp += 160;
    }
}
