using Huawu.Media.Dtmf;

namespace Huawu.Media.Tests.Dtmf;

/// <summary>RFC 4733 §2.5.1: the sender's packet sequence for one event.</summary>
public sealed class DtmfSenderTests
{
    private readonly record struct Sent(uint Timestamp, bool Marker, TelephoneEvent Event);

    private static List<Sent?> Run(DtmfSender sender, int ticks, uint firstTimestamp = 1000)
    {
        var sent = new List<Sent?>();
        var payload = new byte[4];
        for (var tick = 0; tick < ticks; tick++)
        {
            var timestamp = firstTimestamp + (uint)(tick * 160);
            if (sender.TryWriteNext(timestamp, 160, payload, out var packet))
            {
                Assert.Equal(4, packet.PayloadLength);
                Assert.True(TelephoneEvent.TryRead(payload, out var telephoneEvent));
                sent.Add(new Sent(packet.Timestamp, packet.Marker, telephoneEvent));
            }
            else
            {
                sent.Add(null);
            }
        }
        return sent;
    }

    [Fact]
    public void One_key_is_a_marked_start_growing_updates_and_three_identical_ends()
    {
        var sender = new DtmfSender();
        Assert.True(DtmfDigits.TryGetEventCode('5', out var code));
        Assert.True(sender.TryEnqueue(code, 800)); // 100 ms at 8 kHz
        var sent = Run(sender, 9);

        var packets = sent.Take(7).Select(s => s!.Value).ToList();
        // §2.5.1.2: every packet carries the timestamp of the event's start.
        Assert.All(packets, p => Assert.Equal(1000u, p.Timestamp));
        Assert.All(packets, p => Assert.Equal(5, p.Event.EventCode));
        Assert.All(packets, p => Assert.Equal(10, p.Event.Volume));
        // §2.5.1.1: the marker bit on the first packet only.
        Assert.Equal([true, false, false, false, false, false, false], packets.Select(p => p.Marker));
        Assert.Equal(new ushort[] { 160, 320, 480, 640, 800, 800, 800 }, packets.Select(p => p.Event.Duration));
        // §2.5.1.4: the end packet three times.
        Assert.Equal([false, false, false, false, true, true, true], packets.Select(p => p.Event.IsEnd));
        Assert.Null(sent[7]);
        Assert.False(sender.IsBusy);
    }

    [Fact]
    public void Queued_keys_follow_after_a_gap_each_with_its_own_timestamp()
    {
        var sender = new DtmfSender();
        sender.TryEnqueue(1, 320);
        sender.TryEnqueue(1, 320);
        var sent = Run(sender, 12);
        var starts = sent.Select((s, tick) => (s, tick)).Where(x => x.s is { Marker: true }).ToList();
        Assert.Equal(2, starts.Count);
        Assert.NotEqual(starts[0].s!.Value.Timestamp, starts[1].s!.Value.Timestamp);
        // First event: ticks 0–3 (start, end ×3); two ticks of audio; second event from tick 6.
        Assert.Equal(0, starts[0].tick);
        Assert.Equal(6, starts[1].tick);
        Assert.Null(sent[4]);
        Assert.Null(sent[5]);
    }

    [Fact]
    public void A_key_shorter_than_a_tick_starts_and_ends_in_its_first_packet()
    {
        var sender = new DtmfSender();
        sender.TryEnqueue(11, 80);
        var first = Run(sender, 3)[0]!.Value;
        Assert.True(first.Marker);
        Assert.True(first.Event.IsEnd);
        Assert.Equal(80, first.Event.Duration);
    }

    [Fact]
    public void A_full_queue_refuses_more_keys_and_clear_empties_it()
    {
        var sender = new DtmfSender(capacity: 2);
        Assert.True(sender.TryEnqueue(1, 800));
        Assert.True(sender.TryEnqueue(2, 800));
        Assert.False(sender.TryEnqueue(3, 800));
        sender.Clear();
        Assert.False(sender.IsBusy);
        Assert.All(Run(sender, 3), Assert.Null);
    }

    [Fact]
    public void Keys_map_to_the_event_codes_of_section_3_2()
    {
        var keys = "0123456789*#ABCD";
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(DtmfDigits.TryGetEventCode(keys[i], out var code));
            Assert.Equal(i, code);
            Assert.True(DtmfDigits.TryGetKey(code, out var key));
            Assert.Equal(keys[i], key);
        }
        Assert.True(DtmfDigits.TryGetEventCode('d', out var lower));
        Assert.Equal(15, lower);
        Assert.False(DtmfDigits.TryGetEventCode('x', out _));
        Assert.False(DtmfDigits.TryGetKey(16, out _));
    }
}
