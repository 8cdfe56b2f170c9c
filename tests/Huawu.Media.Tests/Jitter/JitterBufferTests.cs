using Huawu.Media.Jitter;

namespace Huawu.Media.Tests.Jitter;

public sealed class JitterBufferTests
{
    private static readonly JitterBufferOptions Fixed = new() { Adaptive = false };

    [Fact]
    public void Playout_starts_once_the_delay_is_buffered_and_keeps_order()
    {
        var harness = new JitterHarness();
        harness.Put(0);
        Assert.Equal((JitterFrameKind.Silence, 0), harness.Take() with { Packet = 0 });
        harness.Put(1);
        Assert.Equal((JitterFrameKind.Audio, 0), harness.Take());
        harness.Put(2);
        Assert.Equal((JitterFrameKind.Audio, 1), harness.Take());
        Assert.Equal((JitterFrameKind.Audio, 2), harness.Take());
        var counters = harness.Buffer.Counters;
        Assert.Equal(3, counters.PacketsAccepted);
        Assert.Equal(3, counters.FramesAudio);
        Assert.Equal(1, counters.FramesSilent);
    }

    [Fact]
    public void Reordered_packets_play_in_timestamp_order()
    {
        var harness = new JitterHarness();
        harness.Put(0);
        harness.Put(2);
        harness.Put(1);
        harness.Put(4);
        harness.Put(3);
        Assert.Equal([0, 1, 2, 3, 4], Enumerable.Range(0, 5).Select(_ => harness.Take()).Select(f => f.Packet));
        Assert.Equal(0, harness.Buffer.Counters.FramesConcealed);
    }

    [Fact]
    public void An_earlier_packet_arriving_second_still_starts_playout()
    {
        var harness = new JitterHarness();
        harness.Put(1);
        harness.Put(0);
        Assert.Equal(0, harness.Take().Packet);
        Assert.Equal(1, harness.Take().Packet);
    }

    [Fact]
    public void Duplicates_are_counted_and_ignored_whether_buffered_or_just_played()
    {
        var harness = new JitterHarness();
        harness.Put(0);
        harness.Put(1);
        Assert.Equal(PutResult.Duplicate, harness.Put(1));
        Assert.Equal(0, harness.Take().Packet);
        Assert.Equal(PutResult.Duplicate, harness.Put(0));
        Assert.Equal(1, harness.Take().Packet);
        Assert.Equal(2, harness.Buffer.Counters.PacketsDuplicate);
    }

    [Fact]
    public void A_lost_packet_is_concealed_and_playout_continues_with_the_next()
    {
        var harness = new JitterHarness();
        foreach (var packet in new[] { 0, 1, 3, 4 }) harness.Put(packet);
        var frames = Enumerable.Range(0, 5).Select(_ => harness.Take()).ToList();
        Assert.Equal([0, 1], frames.Take(2).Select(f => f.Packet));
        Assert.Equal(JitterFrameKind.Concealed, frames[2].Kind);
        Assert.Equal([3, 4], frames.Skip(3).Select(f => f.Packet));
        Assert.Equal(1, harness.Buffer.Counters.FramesConcealed);
    }

    [Fact]
    public void A_packet_arriving_after_its_time_is_dropped_as_late()
    {
        var harness = new JitterHarness(Fixed);
        harness.Put(0);
        harness.Put(1);
        harness.Take();
        harness.Take();
        Assert.Equal(JitterFrameKind.Concealed, harness.Take().Kind); // packet 2 missing: underrun
        Assert.Equal(PutResult.Late, harness.Put(2));
        harness.Put(3);
        Assert.Equal(3, harness.Take().Packet);
        var counters = harness.Buffer.Counters;
        Assert.Equal(1, counters.PacketsLate);
        Assert.Equal(1, counters.Underruns);
        Assert.Equal(0, counters.DelayIncreases);
    }

    [Fact]
    public void After_a_late_packet_the_next_underrun_grows_the_delay_by_a_frame()
    {
        var harness = new JitterHarness();
        harness.Put(0);
        harness.Put(1);
        harness.Take();
        harness.Take();
        harness.Take(); // underrun: 2 is missed
        Assert.Equal(PutResult.Late, harness.Put(2));
        Assert.Equal(JitterFrameKind.Concealed, harness.Take().Kind); // underrun again: the timeline holds
        Assert.Equal(PutResult.Accepted, harness.Put(3));
        harness.Put(4);
        Assert.Equal(3, harness.Take().Packet);
        Assert.Equal(4, harness.Take().Packet);
        var counters = harness.Buffer.Counters;
        Assert.Equal(1, counters.DelayIncreases);
        Assert.Equal(TimeSpan.FromMilliseconds(60), counters.TargetDelay);
    }

    [Fact]
    public void Growth_stops_at_the_maximum_delay()
    {
        var harness = new JitterHarness(new JitterBufferOptions { MaximumDelay = TimeSpan.FromMilliseconds(40) });
        harness.Put(0);
        harness.Put(1);
        harness.Take();
        harness.Take();
        harness.Take();
        harness.Put(2);
        harness.Take();
        Assert.Equal(0, harness.Buffer.Counters.DelayIncreases);
        Assert.Equal(PutResult.Late, harness.Put(3));
    }

    [Fact]
    public void A_buffer_a_frame_deeper_than_its_target_for_a_second_discards_a_frame()
    {
        var harness = new JitterHarness(Fixed);
        // Five frames buffered against a 40 ms target, then one in and one out per tick.
        for (var packet = 0; packet < 5; packet++) harness.Put(packet);
        var played = new List<int>();
        for (var tick = 0; tick < 60; tick++)
        {
            played.Add(harness.Take().Packet);
            harness.Put(tick + 5);
        }
        Assert.Equal(1, harness.Buffer.Counters.FramesDiscarded);
        var skipped = Enumerable.Range(0, 61).Except(played).Min();
        Assert.InRange(skipped, 40, 55);
        Assert.Equal(0, harness.Buffer.Counters.FramesConcealed);
    }

    [Fact]
    public void A_new_ssrc_restarts_the_buffer_and_the_old_audio_fades_while_it_fills()
    {
        var harness = new JitterHarness();
        harness.Put(0);
        harness.Put(1);
        harness.Take();
        Assert.Equal(PutResult.AcceptedAfterReset, harness.Put(7, ssrc: 99, timestampOffset: 123_456));
        Assert.Equal(JitterFrameKind.Concealed, harness.Take().Kind); // filling again; old packet 1 is gone
        harness.Put(8, ssrc: 99, timestampOffset: 123_456);
        Assert.Equal(7, harness.Take().Packet);
        Assert.Equal(8, harness.Take().Packet);
        Assert.Equal(1, harness.Buffer.Counters.Resets);
    }

    [Fact]
    public void A_timestamp_jump_restarts_but_a_stray_old_packet_is_dropped()
    {
        var harness = new JitterHarness();
        harness.Put(0);
        harness.Put(1);
        harness.Take();
        harness.Take();
        // Sequence continues (2) but the timestamp leaps 10 s ahead: the sender's timeline jumped.
        Assert.Equal(PutResult.AcceptedAfterReset, harness.Put(2, timestampOffset: 80_000));
        // An old packet (earlier sequence) from far away in time is not a jump, just stray.
        Assert.Equal(PutResult.Late, harness.Put(-40, timestampOffset: 0));
        harness.Put(3, timestampOffset: 80_000);
        Assert.Equal(2, harness.Take().Packet);
        Assert.Equal(1, harness.Buffer.Counters.Resets);
    }

    [Fact]
    public void Thirty_millisecond_packets_play_seamlessly_as_twenty_millisecond_frames()
    {
        var harness = new JitterHarness();
        for (var packet = 0; packet < 8; packet++) harness.Put(packet, samples: 240);
        var output = new List<short>();
        var frame = new short[160];
        for (var tick = 0; tick < 12; tick++)
        {
            Assert.Equal(JitterFrameKind.Audio, harness.Buffer.Take(frame));
            output.AddRange(frame);
        }
        // 12 frames × 160 = 8 packets × 240, sample for sample.
        var expected = Enumerable.Range(0, 8).SelectMany(p => Enumerable.Repeat(JitterHarness.LevelOf(p), 240));
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Beyond_capacity_the_oldest_packets_are_evicted()
    {
        var harness = new JitterHarness(new JitterBufferOptions { Capacity = 4 });
        for (var packet = 0; packet < 6; packet++) harness.Put(packet);
        Assert.Equal(2, harness.Buffer.Counters.PacketsEvicted);
        Assert.Equal(4, harness.Buffer.Count);
        Assert.Equal(2, harness.Take().Packet);
    }

    [Fact]
    public void Oversized_payloads_are_refused()
    {
        var harness = new JitterHarness(new JitterBufferOptions { MaxPayloadLength = 100 });
        Assert.Equal(PutResult.TooLarge, harness.Put(0));
        Assert.Equal(1, harness.Buffer.Counters.PacketsTooLarge);
    }

    [Fact]
    public void Inconsistent_delays_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new JitterHarness(new JitterBufferOptions { MinimumDelay = TimeSpan.FromMilliseconds(80) }));
    }

    [Fact]
    public void Flush_restarts_playout_from_the_next_packet()
    {
        var harness = new JitterHarness();
        harness.Put(0);
        harness.Put(1);
        harness.Take();
        harness.Buffer.Flush();
        Assert.Equal(0, harness.Buffer.Count);
        // Twenty frames later (after a hold) the peer resumes: no 400 ms of concealment before its audio.
        harness.Put(21);
        harness.Put(22);
        Assert.Equal(21, harness.Take().Packet);
        Assert.Equal(0, harness.Buffer.Counters.Resets);
    }
}
