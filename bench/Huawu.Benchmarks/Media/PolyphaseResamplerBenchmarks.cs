using BenchmarkDotNet.Attributes;
using Huawu.Media.Dsp;

namespace Huawu.Benchmarks.Media;

/// <summary>
/// Any-ratio resampling of one 20 ms frame: synthesized speech (22050, 24000 Hz) and wideband audio (48 kHz) down to
/// a call's 8 kHz, and a call's 8 kHz up to an engine's 16 kHz and 22050 Hz.
/// </summary>
[MemoryDiagnoser]
public class PolyphaseResamplerBenchmarks
{
    private PolyphaseResampler _resampler = null!;
    private short[] _input = null!;
    private short[] _output = null!;

    [Params("22050>8000", "24000>8000", "48000>8000", "8000>16000", "8000>22050")]
    public string Rates { get; set; } = "22050>8000";

    [GlobalSetup]
    public void Setup()
    {
        var rates = Rates.Split('>').Select(int.Parse).ToArray();
        _resampler = new PolyphaseResampler(rates[0], rates[1]);
        _input = Enumerable.Range(0, rates[0] / 50).Select(i => (short)(8000 * Math.Sin(i * 0.05))).ToArray();
        _output = new short[_resampler.MaxOutputLength(_input.Length)];
    }

    [Benchmark]
    public int ResampleFrame() => _resampler.Process(_input, _output);
}
