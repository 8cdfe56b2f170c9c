namespace Huawu.LoadTests.Generator;

/// <summary>
/// One SIPp UAC load run: <see cref="Calls"/> calls to <see cref="Service"/> at <see cref="Rate"/> new calls per
/// second, at most <see cref="ConcurrentLimit"/> at once, each held for <see cref="Hold"/> (the scenario's pause).
/// </summary>
internal sealed record SippLoadSettings
{
    public required string ScenarioFile { get; init; }

    /// <summary>The node's SIP address, host:port.</summary>
    public required string Remote { get; init; }

    public string Service { get; init; } = "echo";

    public required int LocalPort { get; init; }

    /// <summary>SIPp's RTP port: the SDP's m= port, and the one socket rtp_stream sends every call's RTP from.</summary>
    public required int MediaPort { get; init; }

    public required double Rate { get; init; }

    public required int Calls { get; init; }

    public required int ConcurrentLimit { get; init; }

    public required TimeSpan Hold { get; init; }

    /// <summary>SIPp gives up (and fails) after this long.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>rtp_stream playback tasks per SIPp thread (<c>-rtp_threadtasks</c>, SIPp's default 20).</summary>
    public int? RtpTasksPerThread { get; init; }
}
