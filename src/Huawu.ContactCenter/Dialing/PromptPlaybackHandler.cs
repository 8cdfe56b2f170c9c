using System.Collections.Concurrent;
using Huawu.Media.Audio;
using Huawu.Media.Dsp;
using Huawu.Telephony.Calls;

namespace Huawu.ContactCenter.Dialing;

/// <summary>
/// The interim answered-call handler, until the robot runtime takes over: plays the campaign's prompt WAV (loaded once per file) or,
/// without one, two seconds of the 1 kHz test tone, then hangs up. Real audio on the real call: a callee hears the prompt.
/// </summary>
public sealed class PromptPlaybackHandler : IAnsweredCallHandler
{
    private static readonly TimeSpan ToneLength = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, AudioClip> _prompts = new(StringComparer.Ordinal);

    public async Task<AnsweredCallResult> HandleAsync(AnsweredCall answered, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(answered);
        IAudioSource source = answered.Settings.Prompt is { } path
            ? new PlaybackSource(_prompts.GetOrAdd(path, AudioClip.Load))
            : new ToneGenerator(ToneSpec.TestTone, ToneLength);
        var played = await answered.Call.PlayAsync(source, cancellation);
        if (played.End != PlaybackEnd.HungUp) await answered.Call.HangupAsync(HangupCause.NormalClearing);
        return new AnsweredCallResult("answered");
    }
}
