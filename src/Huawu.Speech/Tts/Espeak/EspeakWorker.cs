using System.Runtime.InteropServices;
using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tts.Espeak;

/// <summary>
/// The one thread that talks to libespeak-ng. espeak-ng keeps its voice, parameters and synthesis state in process
/// globals, so it can do one thing at a time: sentences from every call queue here and are synthesized in arrival
/// order. <see cref="EspeakTextToSpeech"/> queues one sentence of an utterance at a time, so concurrent calls take
/// turns sentence by sentence and a new call waits at most for the sentences already queued ahead of it.
/// </summary>
internal sealed unsafe partial class EspeakWorker
{
    /// <summary>Audio per synth callback: small enough that the first audio comes quickly, large enough to be cheap.</summary>
    public const int BufferMilliseconds = 40;

    private static readonly Lazy<(EspeakWorker? Worker, string? Error)> Shared = new(Start);

    // The job the synth callback feeds; only the worker thread sets it, and the callback runs on that thread.
    private static EspeakJob? s_current;

    private readonly SerialWorker _thread = new("espeak-ng");
    private string? _voice;

    private EspeakWorker() { }

    public int SampleRate { get; private set; }

    public IReadOnlyList<VoiceInfo> Voices { get; private set; } = [];

    /// <summary>The voice file identifier of each voice id (case-insensitive), for <c>espeak_SetVoiceByName</c>.</summary>
    public IReadOnlyDictionary<string, string> Identifiers { get; private set; } = new Dictionary<string, string>();

    /// <summary>The process's espeak-ng worker, started on first use; false with the reason when espeak-ng cannot run here.</summary>
    public static bool TryGet(out EspeakWorker? worker, out string? error)
    {
        (worker, error) = Shared.Value;
        return worker is not null;
    }

    /// <summary>Queues a sentence; its audio arrives on <see cref="EspeakJob.Output"/> when the worker reaches it.</summary>
    public void Enqueue(EspeakJob job) => _thread.Post(() => Synthesize(job));

    private static (EspeakWorker?, string?) Start()
    {
        var worker = new EspeakWorker();
        var error = worker._thread.InvokeAsync(worker.Initialize).GetAwaiter().GetResult();
        if (error is null) return (worker, null);
        worker._thread.Complete();
        return (null, error);
    }

    private string? Initialize()
    {
        int rate;
        try
        {
            rate = EspeakNative.Initialize(EspeakNative.AudioOutputSynchronous, BufferMilliseconds, null, EspeakNative.InitializeDontExit);
        }
        catch (DllNotFoundException e)
        {
            return $"espeak-ng's library ({EspeakNative.Library}) is not installed: run `make setup` (Debian package libespeak-ng1). ({e.Message})";
        }
        if (rate <= 0) return "espeak-ng could not start: its voice data (espeak-ng-data) is missing; install the Debian package espeak-ng-data.";
        SampleRate = rate;
        var voices = EspeakVoices.List(rate);
        Voices = voices.Select(v => v.Voice).ToArray();
        Identifiers = voices.ToDictionary(v => v.Voice.Id, v => v.Identifier, StringComparer.OrdinalIgnoreCase);
        EspeakNative.SetSynthCallback(&OnSynth);
        return null;
    }

    private void Synthesize(EspeakJob job)
    {
        if (job.Cancellation.IsCancellationRequested)
        {
            job.Output.Complete(new OperationCanceledException(job.Cancellation));
            return;
        }
        if (!TrySelectVoice(job.Voice))
        {
            job.Output.Complete(new SpeechEngineException($"espeak-ng has no voice '{job.Voice}' (see `espeak-ng --voices`)."));
            return;
        }
        var text = System.Text.Encoding.UTF8.GetBytes(job.Text + "\0");
        int result;
        s_current = job;
        try
        {
            fixed (byte* bytes = text)
            {
                result = EspeakNative.Synth(bytes, (nuint)text.Length, 0, EspeakNative.PositionCharacter, 0,
                    EspeakNative.CharsUtf8 | EspeakNative.EndPause, null, null);
            }
        }
        finally
        {
            s_current = null;
        }
        if (job.Cancellation.IsCancellationRequested) job.Output.Complete(new OperationCanceledException(job.Cancellation));
        else if (result != EspeakNative.Ok) job.Output.Complete(new SpeechEngineException($"espeak-ng failed to synthesize a sentence (espeak_ERROR {result})."));
        else job.Output.Complete();
    }

    private bool TrySelectVoice(string voice)
    {
        if (voice == _voice) return true;
        _voice = EspeakNative.SetVoiceByName(voice) == EspeakNative.Ok ? voice : null;
        return _voice is not null;
    }

    /// <summary>
    /// espeak-ng's synth callback (speak_lib.h: return 0 to continue, 1 to abort). It runs inside espeak_Synth on the
    /// worker thread, so an exception must not escape into native code: a failure aborts the sentence instead.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static int OnSynth(short* wav, int count, EspeakEvent* events)
    {
        var job = s_current;
        if (job is null) return 0;
        try
        {
            if (job.Cancellation.IsCancellationRequested) return 1;
            if (wav != null && count > 0) job.Output.Write(new ReadOnlySpan<short>(wav, count).ToArray());
            return 0;
        }
#pragma warning disable CA1031 // An exception cannot cross into espeak-ng; the sentence ends with it instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            job.Output.Complete(e);
            return 1;
        }
    }
}
