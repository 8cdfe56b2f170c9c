using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Telephony.Dtmf;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Dtmf;

/// <summary>In-band DTMF (ITU-T Q.23): each key's two tones for 100 ms, 60 ms of silence, then the source ends.</summary>
public sealed class InbandDtmfSourceTests
{
    [Fact]
    public void Each_key_is_its_row_and_column_tone_followed_by_a_pause_and_the_source_then_ends()
    {
        Assert.True(InbandDtmfSource.TryCreate("5#", out var source));
        var frame = new PcmFrame(8000);
        var frames = new List<short[]>();
        for (var tick = 0; source!.TryRead(new MediaTick(tick, 0), frame); tick++)
        {
            frames.Add(frame.Samples.ToArray());
            Assert.True(tick < 100, "the source never ends");
        }

        // 2 keys × (5 tone frames + 3 silent frames) of 20 ms.
        Assert.Equal(16, frames.Count);
        var five = frames.Take(5).SelectMany(f => f).ToArray();
        Assert.True(AudioProbe.ShareAt(five, 770, 8000) > 0.3 && AudioProbe.ShareAt(five, 1336, 8000) > 0.3, "5 is 770 + 1336 Hz");
        Assert.All(frames.Skip(5).Take(3), f => Assert.True(AudioProbe.Rms(f) == 0));
        var pound = frames.Skip(8).Take(5).SelectMany(f => f).ToArray();
        Assert.True(AudioProbe.ShareAt(pound, 941, 8000) > 0.3 && AudioProbe.ShareAt(pound, 1477, 8000) > 0.3, "# is 941 + 1477 Hz");
    }

    [Fact]
    public void A_character_that_is_no_key_is_refused()
    {
        Assert.False(InbandDtmfSource.TryCreate("1x", out var source));
        Assert.Null(source);
    }
}
