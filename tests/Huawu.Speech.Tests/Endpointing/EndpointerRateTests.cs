using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Tests.Endpointing;

/// <summary>
/// Frames at the call's rate, windows at the detector's: the endpointer converts (Huawu.Media's half-band resampler
/// for factors of two, a decimator for three) and maps window positions back to input samples exactly.
/// </summary>
public sealed class EndpointerRateTests
{
    private static readonly EndpointingOptions Options = new() { MinSpeech = TimeSpan.Zero, TrailingSilence = TimeSpan.FromMilliseconds(100) };

    [Theory]
    [InlineData(8000, 16000, 512)]  // G.711 call, silero
    [InlineData(16000, 16000, 512)] // G.722 call, silero
    [InlineData(48000, 16000, 512)] // Opus/WebRTC call, silero
    [InlineData(16000, 8000, 160)]  // G.722 call, energy at 8 kHz
    [InlineData(48000, 8000, 160)]  // Opus call, energy at 8 kHz
    [InlineData(24000, 8000, 160)]
    [InlineData(32000, 16000, 320)]
    public void Windows_arrive_at_the_detector_rate_and_positions_map_back_to_input_samples(int inputRate, int detectorRate, int window)
    {
        // Silence for 10 windows, then speech from window 10 on.
        var detector = new ScriptedDetector(detectorRate, window, ScriptedDetector.Runs((0, 10), (1, 1000)));
        var endpointer = new Endpointer(detector, inputRate, Options);
        var frame = new short[inputRate / 50];
        EndpointingEvent? started = null;
        for (var i = 0; i < 100 && started is null; i++)
        {
            foreach (var e in endpointer.Process(frame)) started = e;
        }
        Assert.NotNull(started);
        Assert.Equal(10L * window * inputRate / detectorRate, started.Value.StartSample);
        Assert.Equal(11L * window * inputRate / detectorRate, started.Value.EndSample);
        Assert.Equal(inputRate, started.Value.SampleRate);
        // Every converted sample reached the detector: whole windows only, the rest waits for the next frame.
        Assert.Equal(endpointer.Position * detectorRate / inputRate / window, detector.Windows.Count);
    }

    [Theory]
    [InlineData(44100, 16000)]
    [InlineData(8000, 48000)]
    [InlineData(12345, 16000)]
    public void Rates_that_cannot_be_converted_are_refused(int inputRate, int detectorRate)
    {
        Assert.False(Endpointer.IsSupportedRate(inputRate, detectorRate));
        Assert.Throws<ArgumentException>(() => new Endpointer(new ScriptedDetector(detectorRate, 512, []), inputRate, Options));
    }
}
