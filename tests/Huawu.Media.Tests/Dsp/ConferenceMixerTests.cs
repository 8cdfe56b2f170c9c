using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Dsp;

namespace Huawu.Media.Tests.Dsp;

public sealed class ConferenceMixerTests
{
    private static PcmFrame Constant(short value)
    {
        var frame = new PcmFrame(8000);
        frame.Samples.Fill(value);
        return frame;
    }

    private static short? Heard(MixerParty party, long tick)
    {
        var frame = new PcmFrame(8000);
        return party.TryRead(new MediaTick(tick, 0), frame) ? frame.Samples[0] : null;
    }

    [Fact]
    public void Each_party_hears_the_others_but_not_itself()
    {
        var mixer = new ConferenceMixer(8000);
        var a = mixer.AddParty();
        var b = mixer.AddParty();
        var c = mixer.AddParty();
        var tick = new MediaTick(7, 0);
        a.Write(tick, Constant(100));
        b.Write(tick, Constant(20));
        c.Write(tick, Constant(3));
        mixer.OnTick(tick);
        Assert.Equal((short)23, Heard(a, 7));
        Assert.Equal((short)103, Heard(b, 7));
        Assert.Equal((short)120, Heard(c, 7));
    }

    [Fact]
    public void Sums_saturate_at_sixteen_bits()
    {
        var mixer = new ConferenceMixer(8000);
        var parties = Enumerable.Range(0, 4).Select(_ => mixer.AddParty()).ToList();
        var tick = new MediaTick(1, 0);
        parties[0].Write(tick, Constant(30000));
        parties[1].Write(tick, Constant(30000));
        parties[2].Write(tick, Constant(-30000));
        parties[3].Write(tick, Constant(-30000));
        mixer.Mix(1);
        // Party 0 hears 30000 − 30000 − 30000 = −30000 exactly (no intermediate clipping),
        Assert.Equal((short)-30000, Heard(parties[0], 1));
        var loud = new ConferenceMixer(8000);
        var x = loud.AddParty();
        var y = loud.AddParty();
        var z = loud.AddParty();
        x.Write(tick, Constant(30000));
        y.Write(tick, Constant(30000));
        z.Write(tick, Constant(0));
        loud.Mix(1);
        // while 30000 + 30000 clips to 32767 rather than wrapping negative.
        Assert.Equal(short.MaxValue, Heard(z, 1));
    }

    [Fact]
    public void Silent_parties_add_nothing_and_a_lone_speaker_hears_nothing()
    {
        var mixer = new ConferenceMixer(8000);
        var speaker = mixer.AddParty();
        var listener = mixer.AddParty();
        speaker.Write(new MediaTick(3, 0), Constant(500));
        listener.Write(new MediaTick(2, 0), Constant(999)); // an old tick's input does not count
        mixer.Mix(3);
        Assert.Equal((short)500, Heard(listener, 3));
        Assert.Null(Heard(speaker, 3));
        Assert.Null(Heard(listener, 4)); // not mixed yet
    }

    [Fact]
    public void Removed_parties_leave_the_mix()
    {
        var mixer = new ConferenceMixer(8000);
        var a = mixer.AddParty();
        var b = mixer.AddParty();
        var c = mixer.AddParty();
        mixer.RemoveParty(b);
        Assert.Equal(2, mixer.PartyCount);
        var tick = new MediaTick(1, 0);
        a.Write(tick, Constant(1));
        b.Write(tick, Constant(1000));
        c.Write(tick, Constant(2));
        mixer.Mix(1);
        Assert.Equal((short)2, Heard(a, 1));
    }

    [Fact]
    public void Frames_of_another_rate_are_refused()
    {
        var party = new ConferenceMixer(16000).AddParty();
        Assert.Throws<ArgumentException>(() => party.Write(new MediaTick(0, 0), new PcmFrame(8000)));
    }
}
