namespace Huawu.Speech.Vad.Energy;

internal sealed partial class EnergyVoiceActivityDetector
{
    // A tone is at most two spectral peaks within 25 dB of the strongest (Hann side lobes are −31 dB), holding its
    // frequency and level from window to window. Call-progress tones (ITU-T E.180: 350–620 Hz in use; China 450 Hz),
    // DTMF (697–1633 Hz), fax (1100, 2100 Hz) and test tones all lie at 300 Hz or above. Voiced speech can look like
    // that for a moment, mostly nasal murmurs at the fundamental below 300 Hz; above it, on the shared recordings,
    // never for more than 4 windows. A tone is vetoed from its 5th window (100 ms), before a 150 ms minimum speech.
    private const float PeakFloor = 0.00316f; // −25 dB
    private const int MaxTonePeaks = 2;
    private const float MinToneHz = 300f;
    private const float SteadyLevelDb = 3f;
    private const int ToneWindows = 5;

    private int _previousPeakBin;
    private float _previousLevel;
    private int _tonalWindows;

    /// <summary>Whether the windows up to this one have been a steady tone long enough to be one.</summary>
    private bool IsTone(int first, int end, float levelDb)
    {
        var strongest = first;
        for (var k = first + 1; k < end; k++)
        {
            if (_power[k] > _power[strongest]) strongest = k;
        }
        var floor = _power[strongest] * PeakFloor;
        var peaks = 0;
        for (var k = first; k < end; k++)
        {
            if (_power[k] >= floor && _power[k] > _power[k - 1] && _power[k] >= _power[k + 1]) peaks++;
        }
        var tonal = peaks <= MaxTonePeaks
                    && strongest * BinHz >= MinToneHz
                    && Math.Abs(strongest - _previousPeakBin) <= 1
                    && MathF.Abs(levelDb - _previousLevel) < SteadyLevelDb;
        _previousPeakBin = strongest;
        _previousLevel = levelDb;
        _tonalWindows = tonal ? _tonalWindows + 1 : 0;
        return _tonalWindows >= ToneWindows;
    }

    private void ResetTones()
    {
        _previousPeakBin = 0;
        _previousLevel = 0;
        _tonalWindows = 0;
    }
}
