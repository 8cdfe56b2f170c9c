using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Huawu.Speech.Native;
using Huawu.Speech.Tts.Audio;
using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tts.Sherpa;

/// <summary>
/// One loaded sherpa-onnx TTS model with its own worker thread: a model generates one sentence at a time (its ONNX
/// sessions use <c>threads</c> cores), so sentences from all calls that use it queue here. Audio streams out through
/// <c>SherpaOnnxOfflineTtsGenerateWithCallbackWithArg</c> as the model produces it, converted from floats.
/// </summary>
internal sealed unsafe class SherpaTtsModel : IDisposable
{
    private readonly SherpaTtsHandle _handle;
    private readonly SerialWorker _worker;

    private SherpaTtsModel(SherpaTtsModelFiles files, SherpaTtsHandle handle)
    {
        Files = files;
        _handle = handle;
        SampleRate = SherpaOnnxNative.SherpaOnnxOfflineTtsSampleRate(handle.DangerousGetHandle());
        Speakers = SherpaOnnxNative.SherpaOnnxOfflineTtsNumSpeakers(handle.DangerousGetHandle());
        _worker = new SerialWorker("sherpa-tts " + Path.GetFileName(files.Directory));
    }

    public SherpaTtsModelFiles Files { get; }

    public int SampleRate { get; }

    public int Speakers { get; }

    /// <summary>
    /// Loads the model. The files must be a real model pack (<c>huawu models pull</c> verifies checksums): sherpa-onnx
    /// validates paths and returns null for missing ones, but a corrupt ONNX file aborts inside ONNX Runtime.
    /// </summary>
    public static bool TryLoad(SherpaTtsModelFiles files, int threads, [NotNullWhen(true)] out SherpaTtsModel? model, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(files);
        model = null;
        if (SherpaOnnxLibrary.LoadError is { } missing)
        {
            error = missing;
            return false;
        }
        IntPtr pointer;
        using (var config = SherpaTtsNativeConfig.For(files, threads)) pointer = config.CreateTts();
        if (pointer == IntPtr.Zero)
        {
            error = $"{files.Directory}: sherpa-onnx rejected the {files.Family} model (its reason is on standard error)";
            return false;
        }
        model = new SherpaTtsModel(files, SherpaTtsHandle.FromPointer(pointer));
        error = null;
        return true;
    }

    public void Generate(SherpaTtsJob job) => _worker.Post(() => Run(job));

    public void Dispose()
    {
        // The worker finishes the sentences already queued before the model goes away.
        _worker.Post(_handle.Dispose);
        _worker.Complete();
    }

    private void Run(SherpaTtsJob job)
    {
        if (job.Cancellation.IsCancellationRequested)
        {
            job.Output.Complete(new OperationCanceledException(job.Cancellation));
            return;
        }
        var text = System.Text.Encoding.UTF8.GetBytes(job.Text + "\0");
        var self = GCHandle.Alloc(job);
        try
        {
            SherpaOnnxGeneratedAudio* audio;
            fixed (byte* utf8 = text)
            {
                audio = SherpaOnnxNative.SherpaOnnxOfflineTtsGenerateWithCallbackWithArg(_handle.DangerousGetHandle(), utf8, job.Speaker, 1.0f,
                    &OnAudio, (void*)GCHandle.ToIntPtr(self));
            }
            var failed = audio == null;
            if (!failed) SherpaOnnxNative.SherpaOnnxDestroyOfflineTtsGeneratedAudio(audio);
            if (job.Cancellation.IsCancellationRequested) job.Output.Complete(new OperationCanceledException(job.Cancellation));
            else if (failed) job.Output.Complete(new SpeechEngineException($"sherpa-onnx produced no audio for \"{job.Text}\" ({Files.Directory})."));
            else job.Output.Complete();
        }
        finally
        {
            self.Free();
        }
    }

    /// <summary>The generation callback (c-api.h: return 1 to continue, 0 to stop); no exception may cross into native code.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static int OnAudio(float* samples, int count, void* argument)
    {
        if (GCHandle.FromIntPtr((IntPtr)argument).Target is not SherpaTtsJob job) return 0;
        try
        {
            if (job.Cancellation.IsCancellationRequested) return 0;
            if (count > 0) job.Output.Write(Pcm.FromFloat(new ReadOnlySpan<float>(samples, count)));
            return 1;
        }
#pragma warning disable CA1031 // An exception cannot cross into sherpa-onnx; the sentence ends with it instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            job.Output.Complete(e);
            return 0;
        }
    }
}
