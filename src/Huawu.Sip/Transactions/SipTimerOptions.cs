namespace Huawu.Sip.Transactions;

/// <summary>
/// The base timers of RFC 3261 §17 (Table 4) and what derives from them. Defaults are the RFC's; networks with
/// known round-trip times may lower T1 (§17.1.1.1), everything else scales with it.
/// </summary>
public sealed record SipTimerOptions
{
    public static SipTimerOptions Default { get; } = new();

    /// <summary>The round-trip time estimate: first retransmission interval. Default 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest retransmission interval of non-INVITE requests and INVITE responses. Default 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The longest time a message stays in the network. Default 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D, how long an INVITE client absorbs retransmitted failures on unreliable transports. Default 32 s.</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>
    /// How long an INVITE server transaction waits for the TU's first response before sending 100 Trying itself
    /// (RFC 3261 §17.2.1: unless the TU answers within 200 ms). Default 200 ms.
    /// </summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>64·T1: Timers B, F, H, J, L and M, and the 2xx retransmission limit (RFC 3261 §13.3.1.4).</summary>
    public TimeSpan TransactionTimeout => 64 * T1;
}
