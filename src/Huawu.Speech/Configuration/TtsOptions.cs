namespace Huawu.Speech.Configuration;

/// <summary>The <c>speech.tts:</c> section: speech synthesis (espeak-ng, recorded prompts, sherpa-onnx, HTTP).</summary>
public sealed class TtsOptions
{
}
