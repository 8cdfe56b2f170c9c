namespace Huawu.Telephony.Configuration;

/// <summary>How calls between parties behave: extensions ringing, bridges on hold.</summary>
public sealed class CallOptions
{
    /// <summary>
    /// How long an extension's phones ring for a call to it before the caller is told no one answered (480).
    /// </summary>
    public int ExtensionRingSeconds { get; set; } = 30;

    /// <summary>
    /// The WAV played, looped, to a bridged party while the other holds (8 or 16 kHz PCM, A-law or µ-law). Empty: a
    /// short built-in tone sequence.
    /// </summary>
    public string? MusicOnHoldFile { get; set; }
}
