using Huawu.Media.Audio;
using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Audio;

namespace Huawu.Speech.Pipeline;

// What the robot says, from the dialogue's side: each playback is produced by its own task (synthesis, a recording),
// converted to the call's rate as it comes and queued for the media thread, which starts playing at the first chunk.
public sealed partial class VoicePipeline
{
    /// <summary>Says <paramref name="text"/> with <paramref name="tts"/>'s <paramref name="voice"/>, after what is queued.</summary>
    public SpeechPlayback Say(ITextToSpeech tts, SpeechText text, string voice)
    {
        ArgumentNullException.ThrowIfNull(tts);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        return Speak(token => tts.SynthesizeAsync(text, voice, token), Transcript(text));
    }

    /// <summary>Plays a recording (a prompt), after what is queued.</summary>
    public SpeechPlayback Play(AudioClip clip, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return Speak(_ => Whole(clip), text);
    }

    /// <summary>
    /// Plays audio as <paramref name="produce"/> makes it (a prompt composed of recordings and TTS, any engine), after what
    /// is queued. The token it is given stops it on a barge-in or <see cref="StopSpeaking"/>.
    /// </summary>
    /// <param name="produce">Makes the audio; chunks may come at any rate.</param>
    /// <param name="text">What it says, for the transcript.</param>
    public SpeechPlayback Speak(Func<CancellationToken, IAsyncEnumerable<SynthesizedAudio>> produce, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(produce);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // The first thing said after an answer is its reply.
        var replyTo = Interlocked.Exchange(ref _awaitingReply, null);
        var playback = new SpeechPlayback(Interlocked.Increment(ref _nextPlaybackId), text, replyTo, _time.GetTimestamp());
        _playbacks.Enqueue(playback);
        _ = Task.Run(() => ProduceAsync(playback, produce), CancellationToken.None);
        return playback;
    }

    private async Task ProduceAsync(SpeechPlayback playback, Func<CancellationToken, IAsyncEnumerable<SynthesizedAudio>> produce)
    {
        string? error = null;
        ChunkResampler? converter = null;
        try
        {
            await foreach (var chunk in produce(playback.Production).WithCancellation(playback.Production))
            {
                playback.MarkFirstAudio(_time.GetTimestamp());
                if (chunk.SampleRate != SampleRate) converter ??= new ChunkResampler(chunk.SampleRate, SampleRate);
                playback.Add(converter is null ? chunk.Samples : converter.Process(chunk.Samples), _time.GetTimestamp());
            }
            if (converter is not null) playback.Add(converter.Flush(), _time.GetTimestamp());
        }
        catch (OperationCanceledException) when (playback.Production.IsCancellationRequested)
        {
            // Barged in on, or stopped: the media thread has ended the playback already.
        }
#pragma warning disable CA1031 // Whatever stopped the source, the playback ends with it (Failed) rather than hanging the call.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = e.Message;
        }
        playback.MarkProduced(error);
        playback.ReleaseProduction();
    }

    private static async IAsyncEnumerable<SynthesizedAudio> Whole(AudioClip clip)
    {
        yield return new SynthesizedAudio(clip.Samples.ToArray(), clip.SampleRate, TimeSpan.Zero);
        await Task.CompletedTask;
    }

    private static string Transcript(SpeechText text) => string.Concat(text.Parts.Select(part => part switch
    {
        SpeechPart.Text t => t.Value,
        SpeechPart.SayAs s => s.Value,
        _ => " ",
    })).Trim();
}
