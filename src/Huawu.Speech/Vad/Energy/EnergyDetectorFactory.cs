namespace Huawu.Speech.Vad.Energy;

/// <summary>Energy detectors at the stream's rate when it is 8 or 16 kHz (no resampling on a G.711 call), else 16 kHz.</summary>
internal sealed class EnergyDetectorFactory : IVoiceActivityDetectorFactory
{
    public static readonly EnergyDetectorFactory Instance = new();

    private EnergyDetectorFactory()
    {
    }

    public string Name => "energy";

    public IVoiceActivityDetector Create(int streamSampleRate) => new EnergyVoiceActivityDetector(streamSampleRate == 8000 ? 8000 : 16000);
}
