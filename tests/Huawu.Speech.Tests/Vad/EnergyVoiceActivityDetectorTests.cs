using Huawu.Media.Dsp;
using Huawu.Speech.Vad.Energy;

namespace Huawu.Speech.Tests.Vad;

public sealed class EnergyVoiceActivityDetectorTests
{
    [Fact]
    public void Works_in_20_ms_windows_at_8_and_16_kHz_only()
    {
        Assert.Equal((160, 320), (new EnergyVoiceActivityDetector(8000).WindowSamples, new EnergyVoiceActivityDetector(16000).WindowSamples));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnergyVoiceActivityDetector(48000));
        Assert.Throws<ArgumentException>(() => new EnergyVoiceActivityDetector(8000).Process(new short[320]));
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(8000)]
    public void Its_probabilities_can_be_thresholded_at_one_half(int rate)
    {
        // paddlespeech-zh is quiet speech (peaks −33 dBFS) over a −60 dBFS floor; at 8 kHz it went through Huawu.Media's resampler.
        var reference = ReferenceSpeech.Named("zh/paddlespeech-zh.wav");
        var audio = AtRate(Recording.Load(reference.File), rate);
        var detector = new EnergyVoiceActivityDetector(rate);
        var window = detector.WindowSamples;
        int speech = 0, speechAbove = 0, other = 0, otherAbove = 0;
        for (var n = 0; (n + 1) * window <= audio.Length; n++)
        {
            var p = detector.Process(audio.AsSpan(n * window, window));
            var t = (n + 0.5) * window / rate;
            if (reference.Speech.Any(r => t >= r.Start && t < r.End))
            {
                speech++;
                if (p >= 0.5f) speechAbove++;
            }
            else if (!reference.Speech.Any(r => t >= r.Start - 0.2 && t < r.End + 0.35))
            {
                other++;
                if (p >= 0.5f) otherAbove++;
            }
        }
        Assert.True(speechAbove >= 0.8 * speech, $"{speechAbove} of {speech} speech windows at or above 0.5");
        Assert.True(otherAbove <= 0.02 * other, $"{otherAbove} of {other} windows without speech at or above 0.5");
    }

    [Fact]
    public void Digital_silence_is_not_speech()
    {
        var detector = new EnergyVoiceActivityDetector(8000);
        for (var i = 0; i < 100; i++) Assert.True(detector.Process(new short[160]) < 1e-6f);
    }

    [Fact]
    public void A_line_that_gets_noisier_is_not_speech_for_long()
    {
        // 3 s of noise at −50 dBFS, then 5 s at −30 dBFS: the jump looks like speech at first, then it is only noise.
        var audio = Signals.Concat(Signals.Noise(8000, 3, -50), Signals.Noise(8000, 5, -30, seed: 3));
        var probabilities = Probabilities(new EnergyVoiceActivityDetector(8000), audio);
        Assert.All(probabilities[(4 * 50)..], p => Assert.True(p < 0.2f, $"{p} a second after the step"));
        Assert.All(probabilities[10..(3 * 50)], p => Assert.True(p < 0.2f, $"{p} in the steady noise"));
    }

    [Fact]
    public void After_loud_noise_the_floor_falls_at_once_and_speech_is_heard()
    {
        var reference = ReferenceSpeech.Named("zh/aishell-BAC009S0724W0121.wav");
        var speech = Recording.Load(reference.File).Samples;
        var audio = Signals.Concat(Signals.Noise(16000, 3, -30), speech);
        var probabilities = Probabilities(new EnergyVoiceActivityDetector(16000), audio);
        var onset = (int)((3 + reference.Onsets[0]) * 50);
        Assert.Contains(probabilities[onset..(onset + 10)], p => p > 0.9f);
    }

    [Fact]
    public void Reset_forgets_the_stream()
    {
        var detector = new EnergyVoiceActivityDetector(8000);
        var speech = AtRate(Recording.Load("zh/funasr-asr_example.wav"), 8000);
        var fresh = Probabilities(new EnergyVoiceActivityDetector(8000), speech);
        Probabilities(detector, Signals.Concat(Signals.Noise(8000, 2, -25), Signals.Tone(ToneSpec.TestTone, 8000, 1)));
        detector.Reset();
        Assert.Equal(fresh, Probabilities(detector, speech));
    }

    private static float[] Probabilities(EnergyVoiceActivityDetector detector, short[] audio)
    {
        var window = detector.WindowSamples;
        return Enumerable.Range(0, audio.Length / window).Select(n => detector.Process(audio.AsSpan(n * window, window))).ToArray();
    }

    private static short[] AtRate(Recording recording, int rate)
    {
        if (recording.SampleRate == rate) return recording.Samples;
        var resampler = Resampler.Create(recording.SampleRate, rate);
        var output = new short[resampler.GetOutputLength(recording.Samples.Length & ~1)];
        resampler.Process(recording.Samples.AsSpan(0, recording.Samples.Length & ~1), output);
        return output;
    }
}
