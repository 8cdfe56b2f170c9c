using System.Collections.Concurrent;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Dtmf;
using Huawu.Testing;

namespace Huawu.Telephony.Tests.Dtmf;

/// <summary>DTMF collection rules on fake time: maximum, terminators, first and inter-digit timeouts, type-ahead, ends.</summary>
public sealed class DtmfCollectorTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly DtmfCollector _collector;

    public DtmfCollectorTests() => _collector = new DtmfCollector(_time, _posted.Enqueue);

    [Fact]
    public void Collection_ends_at_the_maximum_number_of_keys()
    {
        var collecting = _collector.Collect(new DtmfCollectOptions { MaxDigits = 3 }, default);
        Type("123");

        Assert.Equal(new DtmfCollection("123", DtmfCollectEnd.MaxDigits), Result(collecting));
    }

    [Fact]
    public void A_terminator_ends_the_collection_and_is_not_collected()
    {
        var collecting = _collector.Collect(new DtmfCollectOptions { MaxDigits = 10, Terminators = "#*" }, default);
        Type("42*");

        Assert.Equal(new DtmfCollection("42", DtmfCollectEnd.Terminator, '*'), Result(collecting));
    }

    [Fact]
    public void Without_a_first_key_the_first_digit_timeout_ends_it()
    {
        var collecting = _collector.Collect(new DtmfCollectOptions { FirstDigitTimeout = TimeSpan.FromSeconds(5), InterDigitTimeout = TimeSpan.FromSeconds(1) }, default);
        Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(collecting.IsCompleted);
        Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new DtmfCollection("", DtmfCollectEnd.Timeout), Result(collecting));
    }

    [Fact]
    public void Each_key_restarts_the_inter_digit_timeout()
    {
        var collecting = _collector.Collect(new DtmfCollectOptions { MaxDigits = 5, FirstDigitTimeout = TimeSpan.FromSeconds(5), InterDigitTimeout = TimeSpan.FromSeconds(2) }, default);
        Type("1");
        Advance(TimeSpan.FromSeconds(1.5));
        Type("2");
        Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(collecting.IsCompleted);
        Advance(TimeSpan.FromSeconds(0.5));

        Assert.Equal(new DtmfCollection("12", DtmfCollectEnd.Timeout), Result(collecting));
    }

    [Fact]
    public void Keys_typed_ahead_are_collected_first_unless_discarded()
    {
        Type("79#5");
        var first = _collector.Collect(new DtmfCollectOptions { MaxDigits = 4 }, default);
        Assert.Equal(new DtmfCollection("79", DtmfCollectEnd.Terminator, '#'), Result(first));

        var discarding = _collector.Collect(new DtmfCollectOptions { MaxDigits = 1, DiscardTypeAhead = true }, default);
        Assert.False(discarding.IsCompleted);
        Type("3");
        Assert.Equal(new DtmfCollection("3", DtmfCollectEnd.MaxDigits), Result(discarding));
    }

    [Fact]
    public void Cancellation_a_newer_collection_and_hang_up_each_end_a_collection()
    {
        using var cancellation = new CancellationTokenSource();
        var cancelled = _collector.Collect(new DtmfCollectOptions(), cancellation.Token);
        cancellation.Cancel();
        Run();
        Assert.Equal(DtmfCollectEnd.Cancelled, Result(cancelled).End);

        var replaced = _collector.Collect(new DtmfCollectOptions(), default);
        var hungUp = _collector.Collect(new DtmfCollectOptions(), default);
        Assert.Equal(DtmfCollectEnd.Cancelled, Result(replaced).End);
        _collector.Close();
        Assert.Equal(DtmfCollectEnd.HungUp, Result(hungUp).End);
        Assert.Equal(DtmfCollectEnd.HungUp, Result(_collector.Collect(new DtmfCollectOptions(), default)).End);
    }

    [Fact]
    public void A_timer_armed_before_a_key_does_not_end_the_collection_after_it()
    {
        var collecting = _collector.Collect(new DtmfCollectOptions { MaxDigits = 3, FirstDigitTimeout = TimeSpan.FromSeconds(1), InterDigitTimeout = TimeSpan.FromSeconds(3) }, default);
        // The first-digit timer fires and posts its check; a key gets into the mailbox first.
        _time.Advance(TimeSpan.FromSeconds(1));
        _collector.OnKey('8');
        Run();

        Assert.False(collecting.IsCompleted);
        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(new DtmfCollection("8", DtmfCollectEnd.Timeout), Result(collecting));
    }

    private void Type(string keys)
    {
        foreach (var key in keys) _collector.OnKey(key);
        Run();
    }

    private void Advance(TimeSpan by)
    {
        _time.Advance(by);
        Run();
    }

    /// <summary>Runs what timers and cancellations posted, as the call's mailbox would.</summary>
    private void Run()
    {
        while (_posted.TryDequeue(out var work)) work();
    }

    private static DtmfCollection Result(Task<DtmfCollection> collecting)
    {
        Assert.True(collecting.IsCompleted, "the collection has not ended");
        return collecting.Result;
    }
}
