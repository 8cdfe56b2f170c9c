using Huawu.Media.Dtmf;

namespace Huawu.Media.Tests.Dtmf;

/// <summary>RFC 4733 §2.5.2: one digit per event despite duplicates, lost packets, the triple end and late packets.</summary>
public sealed class DtmfReceiverTests
{
    private static byte[] Payload(byte code, bool end, ushort duration)
    {
        var payload = new byte[4];
        new TelephoneEvent(code, end, 10, duration).Write(payload);
        return payload;
    }

    private static List<DtmfDigit> Feed(DtmfReceiver receiver, params (uint Timestamp, byte Code, bool End, ushort Duration)[] packets)
    {
        var digits = new List<DtmfDigit>();
        foreach (var (timestamp, code, end, duration) in packets)
        {
            if (receiver.TryProcess(timestamp, Payload(code, end, duration), out var digit)) digits.Add(digit);
        }
        return digits;
    }

    [Fact]
    public void A_whole_event_with_duplicates_and_three_ends_is_one_digit()
    {
        var receiver = new DtmfReceiver();
        var digits = Feed(receiver,
            (1000, 7, false, 160), (1000, 7, false, 160), (1000, 7, false, 320), (1000, 7, false, 480),
            (1000, 7, true, 640), (1000, 7, true, 640), (1000, 7, true, 640));
        Assert.Equal([new DtmfDigit('7', 1000)], digits);
    }

    [Fact]
    public void A_digit_is_reported_when_the_start_and_updates_are_lost()
    {
        var receiver = new DtmfReceiver();
        Assert.Equal([new DtmfDigit('#', 5000)], Feed(receiver, (5000, 11, true, 800), (5000, 11, true, 800)));
    }

    [Fact]
    public void The_same_key_at_a_new_timestamp_is_a_new_digit()
    {
        var receiver = new DtmfReceiver();
        var digits = Feed(receiver,
            (1000, 1, false, 160), (1000, 1, true, 320), (1000, 1, true, 320), (1000, 1, true, 320),
            (2000, 1, false, 160), (2000, 1, true, 320));
        Assert.Equal([new DtmfDigit('1', 1000), new DtmfDigit('1', 2000)], digits);
    }

    [Fact]
    public void Late_packets_of_an_earlier_event_are_ignored()
    {
        var receiver = new DtmfReceiver();
        var digits = Feed(receiver,
            (1000, 2, false, 160), (2000, 3, false, 160),
            (1000, 2, true, 480), // the end of the first event arrives after the second started
            (2000, 3, true, 320));
        Assert.Equal([new DtmfDigit('2', 1000), new DtmfDigit('3', 2000)], digits);
    }

    [Fact]
    public void Event_timestamps_compare_across_the_32_bit_wrap()
    {
        var receiver = new DtmfReceiver();
        var digits = Feed(receiver, (uint.MaxValue - 100, 4, true, 160), (60, 5, false, 160), (uint.MaxValue - 100, 4, true, 160));
        Assert.Equal([new DtmfDigit('4', uint.MaxValue - 100), new DtmfDigit('5', 60)], digits);
    }

    [Fact]
    public void Non_dtmf_events_and_short_payloads_yield_no_digit_but_mark_the_timestamp()
    {
        var receiver = new DtmfReceiver();
        Assert.False(receiver.TryProcess(100, [1, 2], out _));
        Assert.Empty(Feed(receiver, (200, 16, false, 160))); // flash
        Assert.Empty(Feed(receiver, (200, 16, true, 320)));
        Assert.Single(Feed(receiver, (300, 9, false, 160)));
    }

    [Fact]
    public void Reset_forgets_the_history_for_a_new_source()
    {
        var receiver = new DtmfReceiver();
        Feed(receiver, (9000, 1, false, 160));
        receiver.Reset();
        // The new source's timestamps are unrelated and may be lower.
        Assert.Single(Feed(receiver, (10, 1, false, 160)));
    }

    [Fact]
    public void A_sent_event_with_its_start_lost_is_received_as_one_digit()
    {
        var sender = new DtmfSender();
        sender.TryEnqueue(12, 640);
        var receiver = new DtmfReceiver();
        var digits = new List<DtmfDigit>();
        var payload = new byte[4];
        for (var tick = 0; tick < 8; tick++)
        {
            if (!sender.TryWriteNext((uint)(tick * 160), 160, payload, out var packet) || tick == 0) continue;
            if (receiver.TryProcess(packet.Timestamp, payload, out var digit)) digits.Add(digit);
        }
        Assert.Equal([new DtmfDigit('A', 0)], digits);
    }
}
