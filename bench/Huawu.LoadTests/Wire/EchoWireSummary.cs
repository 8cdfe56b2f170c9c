namespace Huawu.LoadTests.Wire;

/// <summary>
/// The captured calls of an echo run, summed: packets each way, sequence loss each way, payloads echoed and not
/// (and how many of those were a call's first), ticks the node's media clock skipped (seen in its RTP timestamps),
/// the longest silences and the echo delay (capture time of the echo minus that of the payload sent; 1 ms buckets,
/// at most 1 s). Packet loss is what the sequence numbers say; a payload that arrived but was not echoed was dropped
/// inside the node, by its jitter buffer (late, or shrinking its delay), and is reported apart from loss.
/// </summary>
internal sealed record EchoWireSummary(
    int Calls,
    long ForwardPackets,
    long ReturnPackets,
    long ForwardLost,
    long ReturnLost,
    long Echoed,
    long NotEchoed,
    int CallsNotEchoingEverything,
    int FirstPayloadsNotEchoed,
    long ReturnedOther,
    long SkippedTicks,
    long TalkspurtRestarts,
    TimeSpan LongestForwardInterval,
    TimeSpan LongestReturnInterval,
    TimeSpan EchoDelayMedian,
    TimeSpan EchoDelay99,
    TimeSpan EchoDelayMax)
{
    /// <summary>No sequence number missing in either direction of any captured call.</summary>
    public bool NoPacketLoss => Calls > 0 && ForwardLost == 0 && ReturnLost == 0;

    /// <summary>The share of payloads sent that came back.</summary>
    public double EchoedFraction => ForwardPackets == 0 ? 0 : (double)Echoed / ForwardPackets;
}
