namespace Huawu.Speech.Vad.Energy;

internal sealed partial class EnergyVoiceActivityDetector
{
    // Rise above the noise floor (mean of the two best bands) at which a window is even odds speech, and the spread.
    // Noise alone sits a few dB above its minimum-statistics floor; speech rises 10–40 dB.
    private const float RiseMidpointDb = 10f;
    private const float RiseSpreadDb = 2f;

    // Below about −55 dBFS in the telephone band nobody is speaking into the phone, whatever the floor.
    private const float AudibleMidpointDb = -55f;
    private const float AudibleSpreadDb = 2f;

    private static float SpeechProbability(float riseDb, float levelDb, float modulationDb)
    {
        var risen = Logistic((riseDb - RiseMidpointDb) / RiseSpreadDb);
        var audible = Logistic((levelDb - AudibleMidpointDb) / AudibleSpreadDb);
        var modulated = Logistic((modulationDb - ModulationMidpointDb) / ModulationSpreadDb);
        return risen * audible * modulated;
    }

    private static float Logistic(float x) => 1 / (1 + MathF.Exp(-x));
}
