namespace Huawu.Speech.Tts.Sherpa;

/// <summary>The sherpa-onnx offline TTS model families Huawu loads.</summary>
public enum SherpaTtsFamily
{
    /// <summary>VITS (Piper, MeloTTS, aishell3…): one model, tokens, and a lexicon or espeak-ng data.</summary>
    Vits,

    /// <summary>Matcha-TTS: an acoustic model (model-steps-N.onnx) and a vocoder (Vocos, HiFi-GAN).</summary>
    Matcha,

    /// <summary>Kokoro: a model with a voices.bin of speaker styles, espeak-ng data, and lexicons for Chinese.</summary>
    Kokoro,
}
