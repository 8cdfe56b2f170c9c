using Huawu.Speech.Asr.Pocketsphinx;

namespace Huawu.Speech.Tests.Asr.Pocketsphinx;

public sealed class LeadingQuietTrimTests
{
    private const int Rate = 8000;
    private static readonly int LeadSamples = Rate * LeadingQuietTrim.LeadMilliseconds / 1000;

    [Fact]
    public void Quiet_is_held_and_the_first_sound_brings_only_the_last_of_it_oldest_first()
    {
        var trim = new LeadingQuietTrim(Rate);
        // 300 ms of faint, numbered quiet in 20 ms frames (the ring wraps several times), then a sound mid-frame.
        var quiet = Enumerable.Range(0, 2400).Select(i => (short)(i % 300)).ToArray();
        for (var offset = 0; offset < quiet.Length; offset += 160)
        {
            trim.Take(quiet.AsSpan(offset, 160), out var held, out var passed);
            Assert.True(held.IsEmpty && passed.IsEmpty);
            Assert.False(trim.IsOpen);
        }
        short[] frame = [.. Enumerable.Repeat((short)5, 100), 20_000, .. Enumerable.Repeat((short)-7, 59)];

        trim.Take(frame, out var lead, out var rest);

        Assert.True(trim.IsOpen);
        short[] expectedLead = [.. quiet.Concat(frame.Take(100)).TakeLast(LeadSamples)];
        Assert.Equal(expectedLead, lead.ToArray());
        Assert.Equal(frame[100..], rest.ToArray());
    }

    [Fact]
    public void Once_open_everything_passes_whole_quiet_or_not()
    {
        var trim = new LeadingQuietTrim(Rate);
        trim.Take([0, 0, -LeadingQuietTrim.SoundLevel, 1], out var lead, out var rest);
        Assert.Equal(new short[] { 0, 0 }, lead.ToArray());
        Assert.Equal(new short[] { -LeadingQuietTrim.SoundLevel, 1 }, rest.ToArray());

        var silence = new short[160];
        trim.Take(silence, out lead, out rest);
        Assert.True(lead.IsEmpty);
        Assert.Equal(160, rest.Length);
    }

    [Fact]
    public void A_line_with_noise_opens_at_once()
    {
        var trim = new LeadingQuietTrim(Rate);
        var noise = new short[160];
        new Random(7).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(noise.AsSpan()));
        trim.Take(noise, out var lead, out var rest);
        Assert.True(trim.IsOpen);
        Assert.Equal(160, lead.Length + rest.Length);
    }
}
