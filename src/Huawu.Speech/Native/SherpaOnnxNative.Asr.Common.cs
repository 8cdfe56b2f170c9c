using System.Runtime.InteropServices;

namespace Huawu.Speech.Native;

/// <summary>c-api.h structs both recognizer families share. Strings are UTF-8 <c>const char*</c> owned by the caller.</summary>
internal static partial class SherpaOnnxNative
{
    /// <summary>The many single-file model configs (<c>{ const char *model; }</c>): paraformer (offline), CTC variants, TDNN…</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct AsrModelPath
    {
        public IntPtr Model;
    }

    /// <summary><c>SherpaOnnxFeatureConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FeatureConfig
    {
        public int SampleRate;
        public int FeatureDim;
    }

    /// <summary><c>SherpaOnnxHomophoneReplacerConfig</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HomophoneReplacerConfig
    {
        public IntPtr DictDir;
        public IntPtr Lexicon;
        public IntPtr RuleFsts;
    }

    /// <summary><c>SherpaOnnxOfflineTransducerModelConfig</c> and <c>SherpaOnnxOnlineTransducerModelConfig</c> (same fields).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TransducerModelConfig
    {
        public IntPtr Encoder;
        public IntPtr Decoder;
        public IntPtr Joiner;
    }

    /// <summary><c>SherpaOnnxOnlineRecognizerResult</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OnlineRecognizerResult
    {
        public IntPtr Text;
        public IntPtr Tokens;
        public IntPtr TokensArr;
        public IntPtr Timestamps;
        public int Count;
        public IntPtr Json;
    }

    /// <summary><c>SherpaOnnxOfflineRecognizerResult</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OfflineRecognizerResult
    {
        public IntPtr Text;
        public IntPtr Timestamps;
        public int Count;
        public IntPtr Tokens;
        public IntPtr TokensArr;
        public IntPtr Json;
        public IntPtr Lang;
        public IntPtr Emotion;
        public IntPtr Event;
        public IntPtr Durations;
        public IntPtr YsLogProbs;
        public IntPtr SegmentTimestamps;
        public IntPtr SegmentDurations;
        public IntPtr SegmentTexts;
        public IntPtr SegmentTextsArr;
        public int SegmentCount;
    }
}
