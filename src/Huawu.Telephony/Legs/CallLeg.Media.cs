using Huawu.Media.Audio;
using Huawu.Media.Dtmf;
using Huawu.Media.Streams;
using Huawu.Media.Transport;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Sdp;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// The leg's media: its stream from setup to hang-up, what it sends (transmit, play), taps and recordings.
internal sealed partial class CallLeg
{
    /// <summary>Opens the leg's RTP stream; its events come back into the mailbox.</summary>
    private bool TryOpenMedia()
    {
        var status = LegMedia.TryOpen(_services.Media, _services.MediaAddress, out var media);
        if (status != RtpSocketStatus.Ok)
        {
            Logger.LogWarning("Call {CallId}: no RTP stream ({Status})", Id, status);
            return false;
        }
        media!.Stream.DtmfReceived += OnStreamDtmf;
        media.Stream.RtpTimeout += OnStreamRtpTimeout;
        _media = media;
        return true;
    }

    /// <summary>The first agreed stream starts flowing and the call is answered (at the time given, else now).</summary>
    private void StartMedia(DateTimeOffset? answeredAt = null)
    {
        ApplyNegotiated(_media!.Sdp.Current!);
        MarkAnswered(answeredAt);
    }

    /// <summary>
    /// Applies an agreed stream (first answer, early media, re-negotiation) and follows the far end's hold: when the
    /// agreed direction forbids us to send, the far end holds us (RFC 3264 §8.4).
    /// </summary>
    private void ApplyNegotiated(NegotiatedAudio audio)
    {
        _media!.Apply(audio);
        if (IsUp) UpdateHold(remoteHolds: !audio.CanSend);
    }

    public IDisposable Transmit(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var media = _media;
        return media is null || IsEnded ? NoTap.Instance : media.Outgoing.Transmit(source);
    }

    public Task<PlaybackResult> PlayAsync(IAudioSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return InMailboxAsync(() => Play(source, cancellationToken));
    }

    private async Task<PlaybackResult> Play(IAudioSource source, CancellationToken cancellationToken)
    {
        if (IsEnded || _media is null) return new PlaybackResult(PlaybackEnd.HungUp, TimeSpan.Zero);
        var slot = new PlaybackSlot(source);
        _media.Outgoing.Play(slot)?.Finish(PlaybackEnd.Replaced);
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(() => Mailbox.Post(() => StopPlayback(slot, PlaybackEnd.Cancelled)))
            : default;
        return await slot.Result;
    }

    private void StopPlayback(PlaybackSlot slot, PlaybackEnd end)
    {
        _media?.Outgoing.Stop(slot);
        slot.Finish(end);
    }

    public IDisposable TapReceivedAudio(IAudioSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var media = _media;
        return media is null || IsEnded ? NoTap.Instance : media.Stream.TapReceived(sink);
    }

    public Task<ICallRecording?> StartRecordingAsync(IRecordingSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return InMailbox(() =>
        {
            if (!IsUp || _media is not { IsFlowing: true } media || CallRecording.TryStart(sink, media.Stream) is not { } recording) return null;
            _recordings.Add(recording);
            return (ICallRecording?)recording;
        });
    }

    // Media threads: hand the event to the mailbox.
    private void OnStreamDtmf(MediaStream stream, DtmfDigit digit) => Mailbox.Post(() => OnDtmf(digit.Key, DtmfMethod.Rfc4733));

    private void OnStreamRtpTimeout(MediaStream stream) => Mailbox.Post(() =>
    {
        if (!IsUp) return;
        Logger.LogInformation("Call {CallId}: no RTP for the configured time; hanging up", Id);
        SendByeAndEnd(HangupCause.MediaTimeout);
    });

    private sealed class NoTap : IDisposable
    {
        public static NoTap Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
