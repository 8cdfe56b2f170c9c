using Huawu.Speech.Vad.Spectral;

namespace Huawu.Speech.Vad.Energy;

/// <summary>
/// An embedded VAD without a model, for telephone audio at 8 or 16 kHz, in 20 ms windows. Each window's spectrum
/// (32 ms Hann, 31.25 Hz bins) is split into four bands of the telephone channel; each band's level is compared with
/// its own noise floor (<see cref="NoiseFloorTracker"/>), and the two bands that rise most above their floors make the
/// evidence, so speech counts where it stands out (voiced sounds low, fricatives high) while broadband noise does
/// not. That evidence counts only where the level is modulated the way syllables modulate it, so steady noise the
/// floor has not caught up with yet is not speech. Two vetoes follow: a level too low for anyone to hear on a phone,
/// and a steady tone (dial, ringback, busy, DTMF, fax).
/// </summary>
internal sealed partial class EnergyVoiceActivityDetector : IVoiceActivityDetector
{
    private const float BinHz = 31.25f;
    private const float DigitalSilenceDb = -80f;

    // The telephone channel (ITU-T G.712: 300–3400 Hz) widened a little; 8 and 16 kHz audio are judged alike.
    private static readonly (float Low, float High)[] BandEdges = [(200, 600), (600, 1200), (1200, 2200), (2200, 3600)];

    private readonly PowerSpectrum _spectrum;
    private readonly float[] _analysis;
    private readonly float[] _power;
    private readonly (int First, int End)[] _bands;
    private readonly float[] _bandLevels;
    private readonly NoiseFloorTracker[] _floors;
    private readonly SteadyToneDetector _tones;

    /// <param name="sampleRate">8000 or 16000.</param>
    public EnergyVoiceActivityDetector(int sampleRate)
    {
        if (sampleRate is not (8000 or 16000)) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The energy VAD works at 8 or 16 kHz.");
        SampleRate = sampleRate;
        WindowSamples = sampleRate / 50;
        var size = (int)(sampleRate / BinHz);
        _spectrum = new PowerSpectrum(size);
        _analysis = new float[size];
        _power = new float[_spectrum.Bins];
        _bands = BandEdges.Select(b => ((int)MathF.Ceiling(b.Low / BinHz), (int)MathF.Ceiling(b.High / BinHz))).ToArray();
        _bandLevels = new float[_bands.Length];
        _floors = _bands.Select(_ => new NoiseFloorTracker()).ToArray();
        _tones = new SteadyToneDetector(BinHz, TimeSpan.FromMilliseconds(20));
    }

    public string Name => "energy";

    public int SampleRate { get; }

    /// <summary>20 ms: 160 samples at 8 kHz, 320 at 16 kHz.</summary>
    public int WindowSamples { get; }

    public float Process(ReadOnlySpan<short> window)
    {
        if (window.Length != WindowSamples) throw new ArgumentException($"The energy VAD takes windows of {WindowSamples} samples, not {window.Length}.", nameof(window));
        // The analysis block is the newest 32 ms: this window and the end of the one before.
        var keep = _analysis.Length - window.Length;
        _analysis.AsSpan(window.Length).CopyTo(_analysis);
        for (var i = 0; i < window.Length; i++) _analysis[keep + i] = window[i] * (1f / 32768f);
        _spectrum.Compute(_analysis, _power);

        var total = 0f;
        for (var b = 0; b < _bands.Length; b++)
        {
            var (first, end) = _bands[b];
            var sum = 0f;
            for (var k = first; k < end; k++) sum += _power[k];
            total += sum;
            _bandLevels[b] = ToDecibels(sum);
            // Digital silence (a muted line, a stream's first packets, concealed losses) says nothing about the
            // noise; letting it in would pin the floor far below the real noise for the tracker's whole window.
            if (_bandLevels[b] > DigitalSilenceDb) _floors[b].Update(_bandLevels[b]);
        }
        var level = ToDecibels(total);
        var modulation = Modulation(MathF.Max(level, DigitalSilenceDb));
        if (_tones.IsTone(_power, _bands[0].First, _bands[^1].End, level)) return 0;
        return SpeechProbability(TopTwoMean(), level, modulation);
    }

    public void Reset()
    {
        Array.Clear(_analysis);
        foreach (var floor in _floors) floor.Reset();
        _tones.Reset();
        ResetModulation();
    }

    public void Dispose()
    {
    }

    /// <summary>The mean of the two largest rises of a band above its floor, in dB.</summary>
    private float TopTwoMean()
    {
        float first = float.NegativeInfinity, second = float.NegativeInfinity;
        for (var b = 0; b < _bands.Length; b++)
        {
            var rise = _bandLevels[b] - _floors[b].Floor;
            if (rise > first)
            {
                second = first;
                first = rise;
            }
            else if (rise > second)
            {
                second = rise;
            }
        }
        return (first + second) / 2;
    }

    /// <summary>A sum of bin powers as a mean-square level relative to full scale (a full-scale sine is −3 dB).</summary>
    private float ToDecibels(float binPowerSum) => 10 * MathF.Log10(_spectrum.MeanSquare(binPowerSum) + 1e-12f);
}
