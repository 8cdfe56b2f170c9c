using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>
/// The offline recognizer's configuration, field for field as c-api.h declares it, including the model families
/// Huawu does not use: they sit between the fields it does, so their sizes must be exact.
/// </summary>
internal static partial class SherpaOnnxNative
{
    /// <summary><c>SherpaOnnxOfflineWhisperModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineWhisperModelConfig
    {
        public IntPtr Encoder;
        public IntPtr Decoder;
        public IntPtr Language;
        public IntPtr Task;
        public int TailPaddings;
        public int EnableTokenTimestamps;
        public int EnableSegmentTimestamps;
    }

    /// <summary><c>SherpaOnnxOfflineCanaryModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineCanaryModelConfig
    {
        public IntPtr Encoder;
        public IntPtr Decoder;
        public IntPtr SrcLang;
        public IntPtr TgtLang;
        public int UsePnc;
    }

    /// <summary><c>SherpaOnnxOfflineCohereTranscribeModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineCohereTranscribeModelConfig
    {
        public IntPtr Encoder;
        public IntPtr Decoder;
        public IntPtr Language;
        public int UsePunct;
        public int UseItn;
    }

    /// <summary><c>SherpaOnnxOfflineFireRedAsrModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineEncoderDecoderModelConfig
    {
        public IntPtr Encoder;
        public IntPtr Decoder;
    }

    /// <summary><c>SherpaOnnxOfflineMoonshineModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineMoonshineModelConfig
    {
        public IntPtr Preprocessor;
        public IntPtr Encoder;
        public IntPtr UncachedDecoder;
        public IntPtr CachedDecoder;
        public IntPtr MergedDecoder;
    }

    /// <summary><c>SherpaOnnxOfflineLMConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineLmConfig
    {
        public IntPtr Model;
        public float Scale;
    }

    /// <summary><c>SherpaOnnxOfflineSenseVoiceModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineSenseVoiceModelConfig
    {
        public IntPtr Model;
        public IntPtr Language;
        public int UseItn;
    }

    /// <summary><c>SherpaOnnxOfflineFunASRNanoModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineFunAsrNanoModelConfig
    {
        public IntPtr EncoderAdaptor;
        public IntPtr Llm;
        public IntPtr Embedding;
        public IntPtr Tokenizer;
        public IntPtr SystemPrompt;
        public IntPtr UserPrompt;
        public int MaxNewTokens;
        public float Temperature;
        public float TopP;
        public int Seed;
        public IntPtr Language;
        public int Itn;
        public IntPtr Hotwords;
    }

    /// <summary><c>SherpaOnnxOfflineQwen3ASRModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineQwen3AsrModelConfig
    {
        public IntPtr ConvFrontend;
        public IntPtr Encoder;
        public IntPtr Decoder;
        public IntPtr Tokenizer;
        public int MaxTotalLen;
        public int MaxNewTokens;
        public float Temperature;
        public float TopP;
        public int Seed;
        public IntPtr Hotwords;
    }

    /// <summary><c>SherpaOnnxOfflineModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineModelConfig
    {
        public TransducerModelConfig Transducer;
        public AsrModelPath Paraformer;
        public AsrModelPath NemoCtc;
        public OfflineWhisperModelConfig Whisper;
        public AsrModelPath Tdnn;
        public IntPtr Tokens;
        public int NumThreads;
        public int Debug;
        public IntPtr Provider;
        public IntPtr ModelType;
        public IntPtr ModelingUnit;
        public IntPtr BpeVocab;
        public IntPtr TelespeechCtc;
        public OfflineSenseVoiceModelConfig SenseVoice;
        public OfflineMoonshineModelConfig Moonshine;
        public OfflineEncoderDecoderModelConfig FireRedAsr;
        public AsrModelPath Dolphin;
        public AsrModelPath ZipformerCtc;
        public OfflineCanaryModelConfig Canary;
        public AsrModelPath WenetCtc;
        public AsrModelPath Omnilingual;
        public AsrModelPath MedAsr;
        public OfflineFunAsrNanoModelConfig FunAsrNano;
        public AsrModelPath FireRedAsrCtc;
        public OfflineQwen3AsrModelConfig Qwen3Asr;
        public OfflineCohereTranscribeModelConfig CohereTranscribe;
    }

    /// <summary><c>SherpaOnnxOfflineRecognizerConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineRecognizerConfig
    {
        public FeatureConfig FeatConfig;
        public OfflineModelConfig ModelConfig;
        public OfflineLmConfig LmConfig;
        public IntPtr DecodingMethod;
        public int MaxActivePaths;
        public IntPtr HotwordsFile;
        public float HotwordsScore;
        public IntPtr RuleFsts;
        public IntPtr RuleFars;
        public float BlankPenalty;
        public HomophoneReplacerConfig Hr;
    }
}
