using Huawu.Media.Dsp;
using Xunit.Abstractions;

namespace Huawu.Speech.Tests.Vad;

/// <summary>
/// What a telephone line carries besides speech must not start an utterance: silence, line noise, and the tones of the
/// network and of machines (ITU-T E.180 call-progress tones, Q.23 DTMF, T.30 fax tones), each after a second of line
/// noise as if the call had just been answered.
/// </summary>
public sealed class SilenceAndToneTests(ITestOutputHelper output)
{
    private const int Rate = 8000;

    public static TheoryData<string, string> Lines()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { "energy", "silero" })
        {
            foreach (var line in Signal.Keys) data.Add(engine, line);
        }
        return data;
    }

    private static readonly Dictionary<string, Func<short[]>> Signal = new()
    {
        ["digital silence"] = () => Signals.Silence(Rate, 6),
        ["line noise at -60 dBFS"] = () => Signals.Noise(Rate, 6, -60),
        ["line noise at -45 dBFS"] = () => Signals.Noise(Rate, 6, -45),
        ["1 kHz test tone"] = () => AfterNoise(Signals.Tone(ToneSpec.TestTone, Rate, 4)),
        ["450 Hz dial tone (China)"] = () => AfterNoise(Signals.Tone(CallProgressTones.Dial, Rate, 4)),
        ["450 Hz ringback, 1 s on 4 s off"] = () => AfterNoise(Signals.Tone(CallProgressTones.Ringback, Rate, 11)),
        ["450 Hz busy, 0.35 s on 0.35 s off"] = () => AfterNoise(Signals.Tone(CallProgressTones.Busy, Rate, 5)),
        ["350+440 Hz dial tone (North America)"] = () => AfterNoise(Signals.Tone(ToneSpec.Continuous(350, -13) with { SecondFrequency = 440 }, Rate, 4)),
        ["440+480 Hz ringback, 2 s on 4 s off"] = () => AfterNoise(Signals.Tone(new ToneSpec(440, 480, -19, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)), Rate, 8)),
        ["480+620 Hz busy, 0.5 s on 0.5 s off"] = () => AfterNoise(Signals.Tone(new ToneSpec(480, 620, -24, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.5)), Rate, 5)),
        ["DTMF 0123456789*#, 100 ms on 100 ms off"] = () => AfterNoise(Signals.Dtmf("0123456789*#", Rate, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100))),
        ["DTMF 159, 300 ms on 200 ms off"] = () => AfterNoise(Signals.Dtmf("159", Rate, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(200))),
        ["fax CNG 1100 Hz, 0.5 s on 3 s off"] = () => AfterNoise(Signals.Tone(new ToneSpec(1100, 0, -10, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3)), Rate, 8)),
        ["fax CED 2100 Hz"] = () => AfterNoise(Signals.Tone(ToneSpec.Continuous(2100, -10), Rate, 4)),
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void No_utterance_starts(string engine, string line)
    {
        var audio = new Recording(line, Rate, Signal[line]());
        var segments = RecordingSegmentationTests.Segment(engine, audio);
        output.WriteLine(string.Join(" ", segments.Select(s => $"{s.Start.TotalSeconds:F2}-{s.End.TotalSeconds:F2}")));
        Assert.Empty(segments);
    }

    /// <summary>A second of line noise, then the tone with the noise going on under it.</summary>
    private static short[] AfterNoise(short[] tone)
    {
        var lead = Signals.Noise(Rate, 1, -55);
        return Signals.Mix(Signals.Concat(lead, tone), Signals.Noise(Rate, 1 + ((double)tone.Length / Rate), -55, seed: 11));
    }
}
