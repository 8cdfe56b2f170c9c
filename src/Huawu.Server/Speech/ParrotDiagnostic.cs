using System.Diagnostics.CodeAnalysis;
using Huawu.Data;
using Huawu.Robot.Runtime;
using Huawu.Speech.Asr;
using Huawu.Speech.Pipeline;
using Huawu.Speech.Tts;
using Huawu.Speech.Vad;
using Huawu.Telephony.Calls;

namespace Huawu.Server.Speech;

/// <summary>
/// The <c>parrot</c> diagnostic extension (<see cref="ParrotOptions"/>): the voice pipeline end to end on a real call,
/// with the node's engines. It is also the smallest dialogue there is — greet, listen, answer, listen again — which the
/// robot's runtime replaces with a script. What was said, and each turn's latency, go to the call's record.
/// </summary>
internal sealed class ParrotDiagnostic(ParrotOptions options, NodeSpeech speech, DataStore store, bool keepKeys, TimeProvider time, ILogger logger)
{
    private const string StillThere = "Are you still there?";
    private const string NotUnderstood = "Sorry, I did not understand.";
    private const string Goodbye = "Goodbye.";

    public async Task HandleAsync(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!await call.AnswerAsync()) return;
        if (!TryGetEngines(out var tts, out var recognizer, out var vad, out var error))
        {
            logger.LogWarning("parrot: the speech engines cannot run here: {Error}", error);
            await call.HangupAsync(HangupCause.TemporaryFailure);
            return;
        }
        await using var voice = await CallVoice.AttachAsync(call, rate => new VoicePipeline(rate, vad, recognizer, time));
        if (voice is null) return;
        var pipeline = voice.Pipeline;
        var transcript = new SpokenTranscript(pipeline.StartedAt - (call.AnsweredAt ?? pipeline.StartedAt), keepKeys);
        try
        {
            await ConverseAsync(call, pipeline, tts, transcript);
        }
        finally
        {
            // What ends with the call (a reply cut off by the hang-up) comes out as the pipeline ends.
            await voice.DisposeAsync();
            while (pipeline.Events.TryRead(out var last)) transcript.Add(last);
            if (await transcript.StoreAsync(store, call, CancellationToken.None) is { } problem) logger.LogWarning("parrot: call {CallId}: {Problem}", call.Id, problem);
            else logger.LogInformation("parrot: call {CallId}: {Transcript} stored", call.Id, transcript);
        }
    }

    /// <summary>Greets, then answers each turn and listens again, until the caller hangs up or is silent twice.</summary>
    private async Task ConverseAsync(ICall call, VoicePipeline pipeline, ITextToSpeech tts, SpokenTranscript transcript)
    {
        var listen = ListenOptions();
        Say(pipeline, tts, transcript, options.Greeting);
        var turn = pipeline.Listen(listen);
        var silences = 0;
        // Cancelled when the call ends, which it always does; not disposed, so the cancellation never meets a disposed source.
        var ended = new CancellationTokenSource();
        _ = call.Ended.ContinueWith(_ => ended.Cancel(), TaskScheduler.Default);
        try
        {
            await foreach (var happened in pipeline.Events.ReadAllAsync(ended.Token))
            {
                transcript.Add(happened);
                string? answer = happened switch
                {
                    PipelineEvent.Recognized heard when heard.Turn == turn.Id => options.Reply.Replace("{heard}", heard.Result.Text, StringComparison.Ordinal),
                    PipelineEvent.KeysEntered keys when keys.Turn == turn.Id => $"You pressed {string.Join(' ', keys.Keys.ToCharArray())}.",
                    PipelineEvent.NoMatch noMatch when noMatch.Turn == turn.Id => NotUnderstood,
                    PipelineEvent.NoInput noInput when noInput.Turn == turn.Id => ++silences < 2 ? StillThere : Goodbye,
                    _ => null,
                };
                if (answer is null) continue;
                if (happened is not PipelineEvent.NoInput) silences = 0;
                var saying = Say(pipeline, tts, transcript, answer);
                if (answer == Goodbye)
                {
                    await saying.Completion.WaitAsync(ended.Token);
                    await call.HangupAsync();
                    return;
                }
                turn = pipeline.Listen(listen);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The caller hung up.
        }
    }

    private SpeechPlayback Say(VoicePipeline pipeline, ITextToSpeech tts, SpokenTranscript transcript, string text)
    {
        var playback = pipeline.Say(tts, SpeechText.Plain(text, options.Language), options.Voice);
        transcript.Saying(playback);
        return playback;
    }

    private ListenOptions ListenOptions() => new()
    {
        Endpointing = speech.Endpointing with { TrailingSilence = TimeSpan.FromMilliseconds(options.TrailingSilenceMs) },
        BargeIn = options.BargeIn,
        NoInputTimeout = TimeSpan.FromSeconds(options.NoInputSeconds),
        Recognition = new RecognitionOptions { Language = options.Language, Grammar = options.Grammar, HotWords = options.Grammar },
    };

    private bool TryGetEngines([NotNullWhen(true)] out ITextToSpeech? tts, [NotNullWhen(true)] out ISpeechRecognizer? recognizer,
        [NotNullWhen(true)] out IVoiceActivityDetectorFactory? vad, [NotNullWhen(false)] out string? error)
    {
        recognizer = null;
        vad = null;
        if (!speech.Tts.TryGet(options.TtsEngine, out tts, out error)) return false;
        if (!speech.TryGetRecognizer(options.AsrEngine, out recognizer, out error)) return false;
        return speech.TryGetVad(out vad, out error);
    }
}
