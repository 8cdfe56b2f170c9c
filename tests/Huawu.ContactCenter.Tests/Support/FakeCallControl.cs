using System.Collections.Concurrent;
using Huawu.Media.Audio;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.ContactCenter.Tests.Support;

/// <summary>What the fake far end does with a call.</summary>
internal enum FarEnd
{
    Answer,
    Busy,
    NoAnswer,
    Unreachable,
}

/// <summary>
/// A scripted trunk for dialer tests on fake time: each destination's behaviour is chosen by <see cref="Script"/>; answered calls stay up
/// until the handler hangs up (or <see cref="HoldAnswered"/> releases them). Every originate is logged, so tests check what was dialled.
/// </summary>
internal sealed class FakeCallControl(TimeProvider time) : ICallControl
{
    private readonly ConcurrentDictionary<CallId, FakeCall> _live = new();

    public Func<string, FarEnd> Script { get; set; } = _ => FarEnd.Answer;

    /// <summary>When set, answered calls stay up (the handler's playback waits) until this completes.</summary>
    public TaskCompletionSource? HoldAnswered { get; set; }

    public ConcurrentQueue<OriginateRequest> Dialled { get; } = new();

    public int MaxLive { get; private set; }

    public CtiEventHub Events { get; } = new();

    public IReadOnlyCollection<ICall> Calls => [.. _live.Values];

    public ICall? FindCall(CallId id) => _live.GetValueOrDefault(id);

    public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default)
    {
        Dialled.Enqueue(request);
        var result = Script(request.Destination) switch
        {
            FarEnd.Busy => OriginateResult.Failed(HangupCause.UserBusy, 486, "busy here"),
            FarEnd.NoAnswer => OriginateResult.Failed(HangupCause.NoAnswer, 487, "no answer within the ring timeout"),
            FarEnd.Unreachable => OriginateResult.Failed(HangupCause.TemporaryFailure, 503, "service unavailable"),
            _ => OriginateResult.Answered(Open(request)),
        };
        return Task.FromResult(result);
    }

    private FakeCall Open(OriginateRequest request)
    {
        var call = new FakeCall(request, time, this);
        _live[call.Id] = call;
        lock (_live) MaxLive = Math.Max(MaxLive, _live.Count);
        return call;
    }

    private void Close(FakeCall call) => _live.TryRemove(call.Id, out _);

    public Task<TransferResult> TransferAsync(ICall party, string destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IConference CreateConference(string name) => throw new NotSupportedException();

    public void SetInboundHandler(Func<ICall, Task> handler) => throw new NotSupportedException();

    private sealed class FakeCall(OriginateRequest request, TimeProvider time, FakeCallControl owner) : ICall
    {
        private readonly TaskCompletionSource<CallHungUp> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CallId Id { get; } = request.Id ?? CallId.New();

        public CallDirection Direction => CallDirection.Outbound;

        public CallState State => _ended.Task.IsCompleted ? CallState.Ended : CallState.Answered;

        public string From => request.CallerId ?? "huawu";

        public string To => request.Destination;

        public string? Trunk => request.Trunk;

        public DateTimeOffset CreatedAt { get; } = time.GetUtcNow();

        public DateTimeOffset? AnsweredAt { get; } = time.GetUtcNow();

        public Task<CallHungUp> Ended => _ended.Task;

        public IAudioSource ReceivedAudio => throw new NotSupportedException();

        public ICall? BridgedTo => null;

        public async Task<PlaybackResult> PlayAsync(IAudioSource source, CancellationToken cancellationToken = default)
        {
            if (owner.HoldAnswered is { } hold) await hold.Task;
            return new PlaybackResult(PlaybackEnd.Completed, TimeSpan.FromSeconds(2));
        }

        public Task HangupAsync(HangupCause cause = HangupCause.NormalClearing)
        {
            owner.Close(this);
            _ended.TrySetResult(new CallHungUp(Id, time.GetUtcNow(), cause, HangupSide.Local, null, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
            return Task.CompletedTask;
        }

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
}
