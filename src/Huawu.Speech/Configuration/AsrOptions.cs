namespace Huawu.Speech.Configuration;

/// <summary>The <c>speech.asr:</c> section: speech recognition (pocketsphinx, sherpa-onnx, FunASR, OpenAI-compatible HTTP).</summary>
public sealed class AsrOptions
{
}
