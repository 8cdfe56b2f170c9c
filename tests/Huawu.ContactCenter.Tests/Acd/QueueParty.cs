using Huawu.Media.Audio;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.ContactCenter.Tests.Acd;

/// <summary>A call in the ACD tests: the waiting caller (whose ringback is watched) or an agent's answered call.</summary>
internal sealed class QueueParty(string from, string to, TimeProvider time) : ICall
{
    private readonly TaskCompletionSource<CallHungUp> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Sources played to this party that are still playing.</summary>
    public int Playing;

    /// <summary>Everything ever played to this party.</summary>
    public List<IAudioSource> Played { get; } = [];

    public CallId Id { get; } = CallId.New();

    public CallDirection Direction => CallDirection.Outbound;

    public CallState State => _ended.Task.IsCompleted ? CallState.Ended : CallState.Answered;

    public string From => from;

    public string To => to;

    public string? Trunk => null;

    public DateTimeOffset CreatedAt { get; } = time.GetUtcNow();

    public DateTimeOffset? AnsweredAt { get; } = time.GetUtcNow();

    public Task<CallHungUp> Ended => _ended.Task;

    public ICall? BridgedTo => null;

    public async Task<PlaybackResult> PlayAsync(IAudioSource source, CancellationToken cancellationToken = default)
    {
        lock (Played) Played.Add(source);
        Interlocked.Increment(ref Playing);
        await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken), Ended);
        Interlocked.Decrement(ref Playing);
        return new PlaybackResult(cancellationToken.IsCancellationRequested ? PlaybackEnd.Cancelled : PlaybackEnd.HungUp, TimeSpan.Zero);
    }

    public Task HangupAsync(HangupCause cause = HangupCause.NormalClearing)
    {
        _ended.TrySetResult(new CallHungUp(Id, time.GetUtcNow(), cause, HangupSide.Local, null, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        return Task.CompletedTask;
    }

    public IAudioSource ReceivedAudio => throw new NotSupportedException();

    public Task RingAsync() => throw new NotSupportedException();

    public Task<bool> AnswerAsync() => throw new NotSupportedException();

    public IDisposable Transmit(IAudioSource source) => throw new NotSupportedException();

    public IDisposable TapReceivedAudio(IAudioSink sink) => throw new NotSupportedException();

    public Task<DtmfCollection> CollectDtmfAsync(DtmfCollectOptions options, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> SendDtmfAsync(string digits) => throw new NotSupportedException();

    public Task<ICallRecording?> StartRecordingAsync(IRecordingSink sink) => throw new NotSupportedException();

    public Task<bool> HoldAsync() => throw new NotSupportedException();

    public Task<bool> ResumeAsync() => throw new NotSupportedException();

    public Task<bool> BridgeAsync(ICall other, BridgeOptions? options = null) => throw new NotSupportedException();

    public Task<TransferResult> BlindTransferAsync(string target, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> UnbridgeAsync() => throw new NotSupportedException();
}
