using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>
/// sherpa-onnx's offline TTS C API (<c>c-api.h</c>, "For offline Text-to-Speech"). Strings are <c>const char*</c>
/// UTF-8 owned by the caller for the duration of the call (the library copies them into its own config); the engine
/// is freed with <see cref="SherpaOnnxDestroyOfflineTts"/>, generated audio with
/// <see cref="SherpaOnnxDestroyOfflineTtsGeneratedAudio"/>. Layouts follow the header field by field (x86-64: pointers
/// 8 bytes, int32/float 4, natural alignment); the struct tests check them against the library's own printout.
/// </summary>
internal static unsafe partial class SherpaOnnxNative
{
    /// <returns>The engine, or null when the configuration is invalid (the reason goes to stderr).</returns>
    [LibraryImport(Library)]
    public static partial IntPtr SherpaOnnxCreateOfflineTts(SherpaOnnxOfflineTtsConfig* config);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyOfflineTts(IntPtr tts);

    [LibraryImport(Library)]
    public static partial int SherpaOnnxOfflineTtsSampleRate(IntPtr tts);

    [LibraryImport(Library)]
    public static partial int SherpaOnnxOfflineTtsNumSpeakers(IntPtr tts);

    /// <summary>
    /// Generates speech for UTF-8 <paramref name="text"/>, calling <c>callback(samples, n, arg)</c> with each piece as it
    /// is made (samples valid during the call only); the callback returns 1 to go on and 0 to stop. Returns the whole
    /// audio (or null on error), to be freed with <see cref="SherpaOnnxDestroyOfflineTtsGeneratedAudio"/>.
    /// </summary>
    [LibraryImport(Library)]
    public static partial SherpaOnnxGeneratedAudio* SherpaOnnxOfflineTtsGenerateWithCallbackWithArg(IntPtr tts, byte* text, int sid, float speed,
        delegate* unmanaged[Cdecl]<float*, int, void*, int> callback, void* arg);

    [LibraryImport(Library)]
    public static partial void SherpaOnnxDestroyOfflineTtsGeneratedAudio(SherpaOnnxGeneratedAudio* audio);
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsVitsModelConfig
{
    public IntPtr Model;
    public IntPtr Lexicon;
    public IntPtr Tokens;
    public IntPtr DataDir;
    public float NoiseScale;
    public float NoiseScaleW;
    public float LengthScale;
    public IntPtr DictDir;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsMatchaModelConfig
{
    public IntPtr AcousticModel;
    public IntPtr Vocoder;
    public IntPtr Lexicon;
    public IntPtr Tokens;
    public IntPtr DataDir;
    public float NoiseScale;
    public float LengthScale;
    public IntPtr DictDir;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsKokoroModelConfig
{
    public IntPtr Model;
    public IntPtr Voices;
    public IntPtr Tokens;
    public IntPtr DataDir;
    public float LengthScale;
    public IntPtr DictDir;
    public IntPtr Lexicon;
    public IntPtr Lang;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsKittenModelConfig
{
    public IntPtr Model;
    public IntPtr Voices;
    public IntPtr Tokens;
    public IntPtr DataDir;
    public float LengthScale;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsZipvoiceModelConfig
{
    public IntPtr Tokens;
    public IntPtr Encoder;
    public IntPtr Decoder;
    public IntPtr Vocoder;
    public IntPtr DataDir;
    public IntPtr Lexicon;
    public float FeatScale;
    public float TShift;
    public float TargetRms;
    public float GuidanceScale;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsPocketModelConfig
{
    public IntPtr LmFlow;
    public IntPtr LmMain;
    public IntPtr Encoder;
    public IntPtr Decoder;
    public IntPtr TextConditioner;
    public IntPtr VocabJson;
    public IntPtr TokenScoresJson;
    public int VoiceEmbeddingCacheCapacity;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsSupertonicModelConfig
{
    public IntPtr DurationPredictor;
    public IntPtr TextEncoder;
    public IntPtr VectorEstimator;
    public IntPtr Vocoder;
    public IntPtr TtsJson;
    public IntPtr UnicodeIndexer;
    public IntPtr VoiceStyle;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsModelConfig
{
    public SherpaOnnxOfflineTtsVitsModelConfig Vits;
    public int NumThreads;
    public int Debug;
    public IntPtr Provider;
    public SherpaOnnxOfflineTtsMatchaModelConfig Matcha;
    public SherpaOnnxOfflineTtsKokoroModelConfig Kokoro;
    public SherpaOnnxOfflineTtsKittenModelConfig Kitten;
    public SherpaOnnxOfflineTtsZipvoiceModelConfig Zipvoice;
    public SherpaOnnxOfflineTtsPocketModelConfig Pocket;
    public SherpaOnnxOfflineTtsSupertonicModelConfig Supertonic;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxOfflineTtsConfig
{
    public SherpaOnnxOfflineTtsModelConfig Model;
    public IntPtr RuleFsts;
    public int MaxNumSentences;
    public IntPtr RuleFars;
    public float SilenceScale;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SherpaOnnxGeneratedAudio
{
    public float* Samples;
    public int N;
    public int SampleRate;
}
