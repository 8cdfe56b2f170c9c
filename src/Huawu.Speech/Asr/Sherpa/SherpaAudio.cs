using Huawu.Media.Dsp;

namespace Huawu.Speech.Asr.Sherpa;

/// <summary>
/// Session audio as sherpa-onnx takes it: 16 kHz (converted here, as the library's own resampler logs a notice per
/// stream) and floats in [-1, 1). One per session; the returned span is valid until the next call.
/// </summary>
internal sealed class SherpaAudio(int sessionRate)
{
    private readonly Resampler _resampler = Resampler.Create(sessionRate, SherpaRecognizerConfig.ModelSampleRate);
    private short[] _converted = new short[640];
    private float[] _samples = new float[640];

    public ReadOnlySpan<float> Convert(ReadOnlySpan<short> samples)
    {
        var needed = _resampler.GetOutputLength(samples.Length);
        if (_converted.Length < needed)
        {
            _converted = new short[needed];
            _samples = new float[needed];
        }
        var count = _resampler.Process(samples, _converted);
        for (var i = 0; i < count; i++) _samples[i] = _converted[i] / 32768f;
        return _samples.AsSpan(0, count);
    }

    /// <summary>Silence of the given length at the model's rate.</summary>
    public static float[] Silence(TimeSpan length) => new float[(int)(length.TotalSeconds * SherpaRecognizerConfig.ModelSampleRate)];
}
