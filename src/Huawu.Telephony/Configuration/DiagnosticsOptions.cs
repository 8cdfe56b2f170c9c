namespace Huawu.Telephony.Configuration;

/// <summary>
/// The built-in extensions for checking a line: <c>echo</c> sends the caller's audio back,
/// <c>tone</c> plays 1 kHz, <c>playback</c> plays a WAV file and hangs up.
/// Each is reached by dialling its name (or the number configured here).
/// </summary>
public sealed class DiagnosticsOptions
{
    public string Echo { get; set; } = "echo";

    public string Tone { get; set; } = "tone";

    public string Playback { get; set; } = "playback";

    /// <summary>The WAV the <c>playback</c> extension plays; empty: it plays a short built-in tone sequence.</summary>
    public string? PlaybackFile { get; set; }
}
