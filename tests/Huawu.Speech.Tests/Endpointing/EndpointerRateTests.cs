using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Tests.Endpointing;

/// <summary>
/// Frames at the call's rate, windows at the detector's: the endpointer converts (Huawu.Media's polyphase resampler)
/// and maps window positions back to input samples exactly, the resampler's delay taken off.
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
            foreach (var e in endpointer.Process(frame)) started = e.Kind == EndpointingEventKind.SpeechStarted ? e : started;
        }
        Assert.NotNull(started);
        // Detector sample n holds the input from (n − delay)·in/out on: the delay is PolyphaseResampler's, 0 at equal rates.
        var delay = inputRate == detectorRate ? 0 : new Huawu.Media.Dsp.PolyphaseResampler(inputRate, detectorRate).Latency;
        Assert.Equal((10L * window - delay) * inputRate / detectorRate, started.Value.StartSample);
        Assert.Equal((11L * window - delay) * inputRate / detectorRate, started.Value.EndSample);
        Assert.Equal(inputRate, started.Value.SampleRate);
        // Every converted sample reached the detector: whole windows only, the rest waits for the next frame.
        Assert.Equal(endpointer.Position * detectorRate / inputRate / window, detector.Windows.Count);
    }

    [Theory]
    [InlineData(44110, 16000)] // a 20 ms frame needs a multiple of 50 Hz
    [InlineData(12345, 16000)]
    [InlineData(60000, 16000)] // beyond 48 kHz
    public void Rates_that_cannot_be_converted_are_refused(int inputRate, int detectorRate)
    {
        Assert.False(Endpointer.IsSupportedRate(inputRate, detectorRate));
        Assert.Throws<ArgumentException>(() => new Endpointer(new ScriptedDetector(detectorRate, 512, []), inputRate, Options));
    }
}
