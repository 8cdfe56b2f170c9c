using BenchmarkDotNet.Attributes;
using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Dsp;

namespace Huawu.Benchmarks.Media;

/// <summary>Resampling one 20 ms frame each way.</summary>
[MemoryDiagnoser]
public class ResamplerBenchmarks
{
    private readonly Resampler _up = Resampler.Create(8000, 16000);
    private readonly Resampler _down = Resampler.Create(16000, 8000);
    private readonly short[] _narrow = Enumerable.Range(0, 160).Select(i => (short)(8000 * Math.Sin(i * 0.3))).ToArray();
    private readonly short[] _wide = new short[320];

    [Benchmark]
    public int Upsample8To16() => _up.Process(_narrow, _wide);

    [Benchmark]
    public int Downsample16To8() => _down.Process(_wide, _narrow);
}

/// <summary>Mixing one 20 ms frame of a conference (every party speaking).</summary>
[MemoryDiagnoser]
public class MixerBenchmarks
{
    private ConferenceMixer _mixer = null!;
    private MixerParty[] _parties = null!;
    private PcmFrame _frame = null!;
    private long _tick;

    [Params(3, 10)]
    public int Parties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mixer = new ConferenceMixer(8000);
        _parties = Enumerable.Range(0, Parties).Select(_ => _mixer.AddParty()).ToArray();
        _frame = new PcmFrame(8000);
        _frame.Samples.Fill(1000);
    }

    [Benchmark]
    public void MixFrame()
    {
        var tick = new MediaTick(++_tick, 0);
        foreach (var party in _parties) party.Write(tick, _frame);
        _mixer.Mix(tick.Index);
        foreach (var party in _parties) party.TryRead(tick, _frame);
    }
}
