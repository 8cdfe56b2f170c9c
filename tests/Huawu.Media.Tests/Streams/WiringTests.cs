using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Dsp;
using Huawu.Media.Tests.Dsp;

namespace Huawu.Media.Tests.Streams;

/// <summary>The wirings Telephony builds from sources and taps: bridge, conference, recording, playback.</summary>
public sealed class WiringTests
{
    private static double Level(FrameCollector heard, double frequency) => Signal.Amplitude(heard.Last(25), frequency, 8000);

    [Fact]
    public void A_bridge_carries_each_side_to_the_other()
    {
        using var rig = new LoopbackRig();
        var phone1 = rig.Open();
        var legA = rig.Open();
        var legB = rig.Open();
        var phone2 = rig.Open();
        LoopbackRig.Connect(phone1, legA);
        LoopbackRig.Connect(legB, phone2);
        legA.Source = legB.ReceivedAudio;
        legB.Source = legA.ReceivedAudio;
        phone1.Source = new ToneGenerator(ToneSpec.Continuous(1000, -10));
        phone2.Source = new ToneGenerator(ToneSpec.Continuous(500, -10));
        var heard1 = new FrameCollector();
        var heard2 = new FrameCollector();
        phone1.TapReceived(heard1);
        phone2.TapReceived(heard2);

        rig.Tick(60);

        Assert.True(Level(heard2, 1000) > 6000);
        Assert.True(Level(heard2, 500) < 100);
        Assert.True(Level(heard1, 500) > 6000);
        Assert.True(Level(heard1, 1000) < 100);
    }

    [Fact]
    public void A_conference_lets_each_party_hear_the_others_but_not_itself()
    {
        using var rig = new LoopbackRig();
        var mixer = new ConferenceMixer(8000);
        using var mixing = rig.Engine.Clock.Subscribe(mixer, MediaTickPhase.Mix);
        double[] frequencies = [400, 1000, 1700];
        var heard = new List<FrameCollector>();
        foreach (var frequency in frequencies)
        {
            var phone = rig.Open();
            var leg = rig.Open();
            LoopbackRig.Connect(phone, leg);
            var party = mixer.AddParty();
            leg.TapReceived(party);
            leg.Source = party;
            phone.Source = new ToneGenerator(ToneSpec.Continuous(frequency, -16));
            var collector = new FrameCollector();
            phone.TapReceived(collector);
            heard.Add(collector);
        }

        rig.Tick(60);

        for (var listener = 0; listener < 3; listener++)
        {
            for (var speaker = 0; speaker < 3; speaker++)
            {
                var level = Level(heard[listener], frequencies[speaker]);
                if (listener == speaker) Assert.True(level < 100, $"party {listener} hears itself at {level}");
                else Assert.True(level > 2500, $"party {listener} hears {speaker} at only {level}");
            }
        }
    }

    [Fact]
    public void Both_directions_are_recorded_to_a_stereo_wav()
    {
        using var rig = new LoopbackRig();
        var phone = rig.Open();
        var leg = rig.Open();
        LoopbackRig.Connect(phone, leg);
        var file = new MemoryStream();
        var recorder = new StereoRecorder(new WavRecordingSink(file, 8000, leaveOpen: true));
        leg.TapReceived(recorder.Received);
        leg.TapSent(recorder.Sent);
        phone.Source = new ToneGenerator(ToneSpec.Continuous(1000, -10));
        leg.Source = new PlaybackSource(new AudioClip(8000, Signal.Sine(500, 8000, 8000)));

        rig.Tick(50);
        recorder.Dispose();

        file.Position = 0;
        Assert.Equal(WavStatus.Ok, WavReader.TryOpen(file, out var reader));
        Assert.Equal(50 * 160, reader!.SampleCount / 2);
        var interleaved = new short[reader.SampleCount];
        for (var read = 0; read < interleaved.Length;) read += reader.Read(interleaved.AsSpan(read));
        var left = interleaved.Where((_, i) => i % 2 == 0).Skip(1600).ToArray();
        var right = interleaved.Where((_, i) => i % 2 == 1).Skip(1600).ToArray();
        Assert.True(Signal.Amplitude(left, 1000, 8000) > 6000);
        Assert.True(Signal.Amplitude(left, 500, 8000) < 100);
        Assert.True(Signal.Amplitude(right, 500, 8000) > 9000);
        Assert.True(Signal.Amplitude(right, 1000, 8000) < 100);
    }
}
