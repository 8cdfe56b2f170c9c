using BenchmarkDotNet.Attributes;
using Huawu.Media.Codecs;

namespace Huawu.Benchmarks.Media;

/// <summary>G.711 on one 20 ms frame (160 samples at 8 kHz).</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private readonly short[] _pcm = Enumerable.Range(0, 160).Select(i => (short)(10000 * Math.Sin(i * 0.785))).ToArray();
    private readonly byte[] _codes = new byte[160];
    private readonly short[] _decoded = new short[160];

    [GlobalSetup]
    public void Setup() => G711.EncodeMuLaw(_pcm, _codes);

    [Benchmark]
    public void EncodeMuLaw() => G711.EncodeMuLaw(_pcm, _codes);

    [Benchmark]
    public void DecodeMuLaw() => G711.DecodeMuLaw(_codes, _decoded);

    [Benchmark]
    public void EncodeALaw() => G711.EncodeALaw(_pcm, _codes);

    [Benchmark]
    public void DecodeALaw() => G711.DecodeALaw(_codes, _decoded);
}
