namespace Huawu.Speech.Vad;

/// <summary>The voice activity detectors Huawu has (<c>speech.vad.engine</c>, <c>huawu vad --engine</c>).</summary>
public enum VadEngine
{
    /// <summary>Embedded, no model: band energies over adaptive noise floors, with a tone veto (8 or 16 kHz).</summary>
    Energy,

    /// <summary>silero VAD through sherpa-onnx (16 kHz, a model file).</summary>
    Silero,
}
