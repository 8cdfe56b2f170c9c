using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>The streaming recognizer's configuration, field for field as c-api.h declares it.</summary>
internal static partial class SherpaOnnxNative
{
    /// <summary><c>SherpaOnnxOnlineParaformerModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OnlineParaformerModelConfig
    {
        public IntPtr Encoder;
        public IntPtr Decoder;
    }

    /// <summary><c>SherpaOnnxOnlineModelConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OnlineModelConfig
    {
        public TransducerModelConfig Transducer;
        public OnlineParaformerModelConfig Paraformer;
        public AsrModelPath Zipformer2Ctc;
        public IntPtr Tokens;
        public int NumThreads;
        public IntPtr Provider;
        public int Debug;
        public IntPtr ModelType;
        public IntPtr ModelingUnit;
        public IntPtr BpeVocab;
        public IntPtr TokensBuf;
        public int TokensBufSize;
        public AsrModelPath NemoCtc;
        public AsrModelPath ToneCtc;
    }

    /// <summary><c>SherpaOnnxOnlineCtcFstDecoderConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OnlineCtcFstDecoderConfig
    {
        public IntPtr Graph;
        public int MaxActive;
    }

    /// <summary><c>SherpaOnnxOnlineRecognizerConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OnlineRecognizerConfig
    {
        public FeatureConfig FeatConfig;
        public OnlineModelConfig ModelConfig;
        public IntPtr DecodingMethod;
        public int MaxActivePaths;
        public int EnableEndpoint;
        public float Rule1MinTrailingSilence;
        public float Rule2MinTrailingSilence;
        public float Rule3MinUtteranceLength;
        public IntPtr HotwordsFile;
        public float HotwordsScore;
        public OnlineCtcFstDecoderConfig CtcFstDecoderConfig;
        public IntPtr RuleFsts;
        public IntPtr RuleFars;
        public float BlankPenalty;
        public IntPtr HotwordsBuf;
        public int HotwordsBufSize;
        public HomophoneReplacerConfig Hr;
    }
}
