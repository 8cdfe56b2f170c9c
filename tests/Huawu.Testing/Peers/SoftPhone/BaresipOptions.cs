namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>How to run one baresip instance.</summary>
public sealed record BaresipOptions
{
    public BaresipAccount Account { get; init; } = BaresipAccount.Direct();

    public BaresipAudioSource AudioSource { get; init; } = BaresipAudioSource.Sine();

    /// <summary>Record each call's decoded received and encoded sent audio to WAV files (sndfile module).</summary>
    public bool RecordAudio { get; init; } = true;

    /// <summary>
    /// Ports for SIP, ctrl_tcp and RTP are taken from this block (so one capture covers them); null allocates a
    /// fresh block.
    /// </summary>
    public PortBlock? Ports { get; init; }

    /// <summary>How many RTP ports baresip may use (two per call: RTP and RTCP).</summary>
    public int RtpPortCount { get; init; } = 8;

    /// <summary>Baresip quits on its own after this long, in case a crashed test never disposes it.</summary>
    public TimeSpan Watchdog { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Time allowed for startup and for each ctrl_tcp command.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
