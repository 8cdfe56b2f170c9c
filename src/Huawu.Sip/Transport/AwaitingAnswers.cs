namespace Huawu.Sip.Transport;

/// <summary>
/// The senders of requests written to one connection that still await an answer, so that a broken connection can
/// fail them at once instead of leaving them to their timers (an INVITE in Proceeding has none, RFC 3261 §17.1.1.2).
/// Finished senders are swept out whenever the list has doubled, which keeps it small at any request rate.
/// </summary>
internal sealed class AwaitingAnswers
{
    private const int InitialSweepAt = 64;

    private readonly Lock sync = new();
    private List<ISendFailureHandler> senders = [];
    private int sweepAt = InitialSweepAt;

    public void Track(ISendFailureHandler sender)
    {
        lock (sync)
        {
            senders.Add(sender);
            if (senders.Count < sweepAt) return;
            senders = senders.FindAll(s => s.IsAwaitingResponse);
            sweepAt = Math.Max(InitialSweepAt, 2 * senders.Count);
        }
    }

    /// <summary>Every sender still awaiting its answer; the list is empty afterwards.</summary>
    public List<ISendFailureHandler> TakeAll()
    {
        lock (sync)
        {
            var waiting = senders.FindAll(s => s.IsAwaitingResponse);
            senders = [];
            return waiting;
        }
    }
}
