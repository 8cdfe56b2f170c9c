namespace Huawu.Speech.Vad.Spectral;

/// <summary>
/// Recognizes the tones a telephone line carries besides speech — call-progress tones (ITU-T E.180: 350–620 Hz in
/// use, China's 450 Hz), DTMF (Q.23: 697–1633 Hz pairs), fax (T.30: 1100 and 2100 Hz), test tones — from window to
/// window: one or two spectral peaks with nothing else within 25 dB (Hann side lobes are −31 dB), at 300 Hz or above,
/// holding their frequencies and level. Voiced speech can look like that for a moment — mostly nasal murmurs at the
/// fundamental, below 300 Hz; above it, on the shared recordings, a single peak never held for more than 80 ms and a
/// balanced pair of peaks never for more than two 20 ms windows. So a single tone is confirmed after 100 ms and a
/// balanced pair (DTMF, dual call-progress tones) after two steady windows, quick enough for a 100 ms DTMF digit.
/// </summary>
internal sealed class SteadyToneDetector
{
    private const float PeakFloor = 0.00316f;   // −25 dB
    private const float BalancedPair = 0.1f;    // the weaker peak within 10 dB of the stronger
    private const float MinToneHz = 300f;
    private const float MinPairSpacingHz = 120f;
    private const float SteadyLevelDb = 3f;
    private const int PairWindowsToConfirm = 2;
    private static readonly TimeSpan SingleToneToConfirm = TimeSpan.FromMilliseconds(100);

    private readonly float _binHz;
    private readonly int _singleWindowsToConfirm;
    private (int Low, int High) _previousPeaks;
    private float _previousLevel;
    private int _steadyWindows;
    private bool _confirmed;
    private (int Low, int High) _tone;

    /// <param name="binHz">The spectrum's bin spacing.</param>
    /// <param name="window">How much audio each call stands for (the hop between spectra).</param>
    public SteadyToneDetector(float binHz, TimeSpan window)
    {
        _binHz = binHz;
        _singleWindowsToConfirm = (int)Math.Ceiling(SingleToneToConfirm / window);
        Reset();
    }

    /// <summary>Takes the next window's power spectrum and level; true while a tone is confirmed.</summary>
    /// <param name="power">|X[k]|², with at least one bin either side of [<paramref name="first"/>, <paramref name="end"/>).</param>
    public bool IsTone(ReadOnlySpan<float> power, int first, int end, float levelDb)
    {
        var strongest = first;
        for (var k = first + 1; k < end; k++)
        {
            if (power[k] > power[strongest]) strongest = k;
        }
        var floor = power[strongest] * PeakFloor;
        int peaks = 0, low = -1, high = -1;
        for (var k = first; k < end; k++)
        {
            if (power[k] < floor || power[k] <= power[k - 1] || power[k] < power[k + 1]) continue;
            if (++peaks > 2) break;
            if (low < 0) low = k;
            else high = k;
        }
        if (high < 0) high = low;
        var pair = peaks == 2 && (high - low) * _binHz >= MinPairSpacingHz && MathF.Min(power[low], power[high]) >= power[strongest] * BalancedPair;
        var steady = peaks is 1 or 2
                     && low * _binHz >= MinToneHz
                     && Math.Abs(low - _previousPeaks.Low) <= 1 && Math.Abs(high - _previousPeaks.High) <= 1
                     && MathF.Abs(levelDb - _previousLevel) < SteadyLevelDb;
        _previousPeaks = (low, high);
        _previousLevel = levelDb;
        if (_confirmed)
        {
            // A confirmed tone holds while its strongest peak does, whatever the level and the rest of the spectrum:
            // the window its end falls in (a truncated, smeared tone) is still the tone.
            _confirmed = Math.Abs(strongest - _tone.Low) <= 1 || Math.Abs(strongest - _tone.High) <= 1;
        }
        else if (steady && ++_steadyWindows >= (pair ? PairWindowsToConfirm : _singleWindowsToConfirm))
        {
            _confirmed = true;
            _tone = (low, high);
        }
        if (!steady) _steadyWindows = 0;
        return _confirmed;
    }

    public void Reset()
    {
        _previousPeaks = (-10, -10);
        _previousLevel = 0;
        _steadyWindows = 0;
        _confirmed = false;
        _tone = default;
    }
}
