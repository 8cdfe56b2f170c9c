namespace Huawu.Speech.Vad.Spectral;

/// <summary>
/// Puts a <see cref="SteadyToneDetector"/> in front of another detector: while a telephone tone sounds, the window is
/// not speech whatever the inner detector says. silero, for one, takes the 350+440 Hz dial tone for speech. The inner
/// detector still sees every window, so its state runs on undisturbed.
/// </summary>
internal sealed class ToneGuardedDetector : IVoiceActivityDetector
{
    // The telephone channel, as the energy detector judges it.
    private const float LowHz = 200;
    private const float HighHz = 3600;

    private readonly IVoiceActivityDetector _inner;
    private readonly PowerSpectrum _spectrum;
    private readonly float[] _block;
    private readonly float[] _power;
    private readonly SteadyToneDetector _tones;
    private readonly int _first;
    private readonly int _end;

    public ToneGuardedDetector(IVoiceActivityDetector inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)inner.WindowSamples);
        _spectrum = new PowerSpectrum(size);
        _block = new float[size];
        _power = new float[_spectrum.Bins];
        var binHz = (float)inner.SampleRate / size;
        _first = (int)MathF.Ceiling(LowHz / binHz);
        _end = Math.Min(_spectrum.Bins - 1, (int)MathF.Ceiling(HighHz / binHz));
        _tones = new SteadyToneDetector(binHz, TimeSpan.FromSeconds((double)inner.WindowSamples / inner.SampleRate));
    }

    public string Name => _inner.Name;

    public int SampleRate => _inner.SampleRate;

    public int WindowSamples => _inner.WindowSamples;

    public float Process(ReadOnlySpan<short> window)
    {
        var probability = _inner.Process(window);
        // The newest samples at the end of the block (zero-padded in front when the window is shorter).
        var offset = _block.Length - window.Length;
        for (var i = 0; i < window.Length; i++) _block[offset + i] = window[i] * (1f / 32768f);
        _spectrum.Compute(_block, _power);
        var total = 0f;
        for (var k = _first; k < _end; k++) total += _power[k];
        var level = 10 * MathF.Log10(_spectrum.MeanSquare(total) + 1e-12f);
        return _tones.IsTone(_power, _first, _end, level) ? 0 : probability;
    }

    public void Reset()
    {
        _inner.Reset();
        _tones.Reset();
    }

    public void Dispose() => _inner.Dispose();
}
