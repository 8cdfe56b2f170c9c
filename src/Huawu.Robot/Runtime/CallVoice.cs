using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Speech.Pipeline;
using Huawu.Telephony.Calls;

namespace Huawu.Robot.Runtime;

/// <summary>
/// A <see cref="VoicePipeline"/> bound to a call — the one binding there is: the pipeline taps the call's received
/// audio, is transmitted as its voice, and gets its keys. Anything that talks to a caller (the robot's runtime, the
/// server's <c>parrot</c> diagnostic) attaches one after answering and disposes it when done; a hand-off detaches it
/// early, so the call can be bridged to a person while the robot's state is kept.
/// </summary>
public sealed class CallVoice : IAsyncDisposable
{
    private static readonly TimeSpan FirstFramePatience = TimeSpan.FromSeconds(2);
    private readonly IDisposable _tap;
    private readonly IDisposable _transmission;
    private readonly CancellationTokenSource _stopKeys = new();
    private readonly Task _keys;
    private int _disposed;
    private int _detached;

    private CallVoice(ICall call, VoicePipeline pipeline)
    {
        Pipeline = pipeline;
        _tap = call.TapReceivedAudio(pipeline);
        _transmission = call.Transmit(pipeline);
        _keys = PassKeysAsync(call, pipeline, _stopKeys.Token);
    }

    public VoicePipeline Pipeline { get; }

    /// <summary>
    /// Attaches a pipeline made by <paramref name="create"/> at the call's audio rate, learnt from its first received frame
    /// (one tick after media flows). Null when the call has no media within two seconds.
    /// </summary>
    public static async Task<CallVoice?> AttachAsync(ICall call, Func<int, VoicePipeline> create)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(create);
        var probe = new FirstFrame();
        using (call.TapReceivedAudio(probe))
        {
            var first = await Task.WhenAny(probe.Rate, call.Ended, Task.Delay(FirstFramePatience));
            if (first != probe.Rate) return null;
        }
        return new CallVoice(call, create(await probe.Rate));
    }

    /// <summary>
    /// Takes the pipeline off the call (no more audio either way, no more keys); the pipeline itself lives on until
    /// disposal. Safe to call more than once and from any thread.
    /// </summary>
    public void Detach()
    {
        if (Interlocked.Exchange(ref _detached, 1) != 0) return;
        _tap.Dispose();
        _transmission.Dispose();
        _stopKeys.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Detached first, so no tick runs into a pipeline being taken down.
        Detach();
        await _keys;
        _stopKeys.Dispose();
        await Pipeline.DisposeAsync();
    }

    /// <summary>Every key the caller presses (RFC 4733 or SIP INFO) goes to the pipeline, one at a time, until the call or the binding ends.</summary>
    private static async Task PassKeysAsync(ICall call, VoicePipeline pipeline, CancellationToken stop)
    {
        var each = new DtmfCollectOptions { MaxDigits = 1, Terminators = "", FirstDigitTimeout = TimeSpan.FromHours(1) };
        while (!stop.IsCancellationRequested)
        {
            var keys = await call.CollectDtmfAsync(each, stop);
            if (keys.End is DtmfCollectEnd.HungUp or DtmfCollectEnd.Cancelled) return;
            foreach (var key in keys.Digits) pipeline.PressKey(key);
        }
    }

    private sealed class FirstFrame : IAudioSink
    {
        private readonly TaskCompletionSource<int> _rate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> Rate => _rate.Task;

        public void Write(in MediaTick tick, PcmFrame frame) => _rate.TrySetResult(frame.SampleRate);
    }
}
