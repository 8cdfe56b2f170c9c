namespace Huawu.Speech.Vad.Energy;

internal sealed partial class EnergyVoiceActivityDetector
{
    // Speech is modulated by its syllables (about 4 per second): within any 400 ms its level swings by 10–40 dB
    // (the shared recordings: 10th percentile 12 dB), while steady noise — a fan, a hiss, a crowd, a line whose noise
    // just rose beyond what the floor has caught up with — stays within a few (median 3 dB). (Ghosh, Tsiartas and
    // Narayanan, "Robust voice activity detection using long-term signal variability", 2011, use the same cue.)
    private const int ModulationWindows = 20;
    private const float LevelSmoothing = 0.5f;
    private const float ModulationMidpointDb = 6f;
    private const float ModulationSpreadDb = 1.5f;

    private readonly float[] _recentLevels = new float[ModulationWindows];
    private int _nextLevel;
    private int _levelsSeen;
    private float _smoothedLevel;

    /// <summary>The range of the (lightly smoothed) level over the last 400 ms, including <paramref name="levelDb"/>.</summary>
    private float Modulation(float levelDb)
    {
        _smoothedLevel = _levelsSeen == 0 ? levelDb : _smoothedLevel + (LevelSmoothing * (levelDb - _smoothedLevel));
        _recentLevels[_nextLevel] = _smoothedLevel;
        _nextLevel = (_nextLevel + 1) % ModulationWindows;
        _levelsSeen = Math.Min(_levelsSeen + 1, ModulationWindows);
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (var i = 0; i < _levelsSeen; i++)
        {
            min = MathF.Min(min, _recentLevels[i]);
            max = MathF.Max(max, _recentLevels[i]);
        }
        return max - min;
    }

    private void ResetModulation()
    {
        Array.Clear(_recentLevels);
        _nextLevel = 0;
        _levelsSeen = 0;
        _smoothedLevel = 0;
    }
}
