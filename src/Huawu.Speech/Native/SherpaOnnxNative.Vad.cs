using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>
/// The voice activity detector family of sherpa-onnx 1.13.8's C API (<c>c-api.h</c>, "For VAD"). Struct layouts
/// mirror the header field for field; pointers to strings are <c>const char*</c> UTF-8 owned by the caller for the
/// duration of the create call only (the library copies them into <c>std::string</c>).
/// </summary>
internal static partial class SherpaOnnxNative
{
    /// <summary>c-api.h <c>SherpaOnnxSileroVadModelConfig</c> (also the shape of <c>SherpaOnnxTenVadModelConfig</c>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SileroVadModelConfig
    {
        public IntPtr Model;
        public float Threshold;
        public float MinSilenceDuration;
        public float MinSpeechDuration;
        public int WindowSize;
        public float MaxSpeechDuration;
    }

    /// <summary>c-api.h <c>SherpaOnnxVadModelConfig</c>: silero, sample rate, threads, provider, debug, then ten-vad.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct VadModelConfig
    {
        public SileroVadModelConfig SileroVad;
        public int SampleRate;
        public int NumThreads;
        public IntPtr Provider;
        public int Debug;
        public SileroVadModelConfig TenVad;
    }

    [LibraryImport(Library)]
    public static partial VoiceActivityDetectorHandle SherpaOnnxCreateVoiceActivityDetector(in VadModelConfig config, float bufferSizeInSeconds);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyVoiceActivityDetector(IntPtr detector);

    [LibraryImport(Library)]
    public static unsafe partial void SherpaOnnxVoiceActivityDetectorAcceptWaveform(VoiceActivityDetectorHandle detector, float* samples, int count);

    /// <summary>1 when no completed speech segment is queued.</summary>
    [LibraryImport(Library)]
    public static partial int SherpaOnnxVoiceActivityDetectorEmpty(VoiceActivityDetectorHandle detector);

    /// <summary>1 while the detector is inside speech (its last window was judged speech).</summary>
    [LibraryImport(Library)]
    public static partial int SherpaOnnxVoiceActivityDetectorDetected(VoiceActivityDetectorHandle detector);

    /// <summary>Drops every queued speech segment.</summary>
    [LibraryImport(Library)]
    public static partial void SherpaOnnxVoiceActivityDetectorClear(VoiceActivityDetectorHandle detector);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxVoiceActivityDetectorReset(VoiceActivityDetectorHandle detector);

    /// <summary>Closes the open segment (queues it) and releases the samples it held.</summary>
    [LibraryImport(Library)]
    public static partial void SherpaOnnxVoiceActivityDetectorFlush(VoiceActivityDetectorHandle detector);
}

/// <summary>Owns a <c>SherpaOnnxVoiceActivityDetector*</c>; destroying it frees the ONNX session and buffers.</summary>
internal sealed class VoiceActivityDetectorHandle : SafeHandle
{
    public VoiceActivityDetectorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        SherpaOnnxNative.SherpaOnnxDestroyVoiceActivityDetector(handle);
        return true;
    }
}
