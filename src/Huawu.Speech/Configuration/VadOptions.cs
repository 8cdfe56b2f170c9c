namespace Huawu.Speech.Configuration;

/// <summary>The <c>speech.vad:</c> section: voice activity detection (energy, silero).</summary>
public sealed class VadOptions
{
}
