namespace Huawu.Speech.Vad.Silero;

/// <summary>The silero VAD graphs sherpa-onnx 1.13.8 loads (silero-vad-model.cc).</summary>
internal enum SileroModelKind
{
    /// <summary>silero-vad v4: inputs input, sr, h, c.</summary>
    V4,

    /// <summary>silero-vad v5: inputs input, state, sr; sherpa-onnx feeds each 512-sample window with 64 samples of context.</summary>
    V5,

    /// <summary>The export k2-fsa maintains (inputs x, h, c), run like v4.</summary>
    K2FsaExport,
}
