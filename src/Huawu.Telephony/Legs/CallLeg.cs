using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Sip.Dialogs;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Dtmf;
using Huawu.Telephony.Runtime;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

/// <summary>
/// One call leg: a SIP dialog (UAS for inbound, UAC for outbound), its media stream, and the state the layers above
/// see through <see cref="ICall"/>. A serialized unit (ARCHITECTURE.md, "Runtime model"): every change runs in its
/// <see cref="Mailbox"/> — SIP and media events are posted there, API calls are marshalled there — so its fields need
/// no locks. The few read from other threads (<see cref="State"/>, the answer time) are written with volatile stores.
/// </summary>
internal sealed partial class CallLeg : ICall
{
    private readonly LegServices _services;
    private readonly TaskCompletionSource<CallHungUp> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DtmfCollector _dtmf;
    private volatile CallState _state;
    private long _answeredAtTicks;
    private volatile LegMedia? _media;
    private SipDialog? _dialog;

    private CallLeg(LegServices services, CallDirection direction, string from, string to, string? trunk, CallId? id = null)
    {
        _services = services;
        Id = id ?? CallId.New();
        Direction = direction;
        From = from;
        To = to;
        Trunk = trunk;
        CreatedAt = services.Time.GetUtcNow();
        Mailbox = new Mailbox(exception => services.Logger.LogError(exception, "Call {CallId}: a bug in its handling", Id));
        _dtmf = new DtmfCollector(services.Time, Mailbox.Post);
        ReceivedAudio = new LegReceivedAudio(this);
    }

    public Mailbox Mailbox { get; }

    public CallId Id { get; }

    public CallDirection Direction { get; }

    public CallState State => _state;

    public string From { get; }

    public string To { get; }

    public string? Trunk { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? AnsweredAt
    {
        get
        {
            var ticks = Volatile.Read(ref _answeredAtTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public Task<CallHungUp> Ended => _ended.Task;

    public IAudioSource ReceivedAudio { get; }

    private bool IsEnded => _state == CallState.Ended;

    private bool IsUp => _state is CallState.Answered or CallState.Held;

    private ILogger Logger => _services.Logger;

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    public override string ToString() => $"{Direction} call {Id} {From} → {To} ({State})";

    public void Publish(CtiEvent happened) => _services.Events.Publish(happened);

    /// <summary>Runs <paramref name="work"/> in the mailbox: at once when already there, else posted.</summary>
    private Task<T> InMailbox<T>(Func<T> work) => Mailbox.IsCurrent ? Task.FromResult(work()) : Mailbox.InvokeAsync(work);

    /// <summary>Runs an async flow in the mailbox, so its awaits resume there too.</summary>
    private Task<T> InMailboxAsync<T>(Func<Task<T>> flow) => Mailbox.IsCurrent ? flow() : Mailbox.InvokeAsync(flow).Unwrap();

    /// <summary>
    /// The far end's audio for this tick, from the leg's stream; nothing before the stream exists or after it is
    /// gone. A fixed object, so it can be wired into other calls before this one has media.
    /// </summary>
    private sealed class LegReceivedAudio(CallLeg leg) : IAudioSource
    {
        public bool TryRead(in MediaTick tick, PcmFrame frame) => leg._media?.Stream.ReceivedAudio.TryRead(tick, frame) ?? false;
    }
}
