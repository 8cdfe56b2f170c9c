using BenchmarkDotNet.Attributes;
using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Dsp;
using Huawu.Telephony.Legs;

namespace Huawu.Benchmarks.Telephony;

/// <summary>
/// What a call leg's stream reads every 20 ms tick on the media thread: the transmitted source (an echo, music) or a
/// playback over it. Must not allocate.
/// </summary>
[MemoryDiagnoser]
public class OutgoingAudioBenchmarks
{
    private readonly PcmFrame _frame = new(8000);
    private readonly AudioClip _clip = new(8000, new short[8000 * 60]);
    private OutgoingAudio _transmitting = null!;
    private OutgoingAudio _playing = null!;
    private PlaybackSource _prompt = null!;
    private long _tick;

    [GlobalSetup]
    public void Setup()
    {
        _transmitting = new OutgoingAudio();
        _transmitting.Transmit(new ToneGenerator(ToneSpec.TestTone));
        _playing = new OutgoingAudio();
        _playing.Transmit(new ToneGenerator(ToneSpec.TestTone));
        _prompt = new PlaybackSource(_clip, loop: true);
        _playing.Play(new PlaybackSlot(_prompt));
    }

    [Benchmark(Baseline = true)]
    public bool TransmittedFrame() => _transmitting.TryRead(new MediaTick(++_tick, 0), _frame);

    [Benchmark]
    public bool PlaybackFrame() => _playing.TryRead(new MediaTick(++_tick, 0), _frame);
}
