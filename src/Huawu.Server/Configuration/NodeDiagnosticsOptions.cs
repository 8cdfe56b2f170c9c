using Huawu.Server.Speech;
using Huawu.Telephony.Configuration;

namespace Huawu.Server.Configuration;

/// <summary>
/// The <c>diagnostics:</c> section: the telephony layer's extensions for checking a line (<c>echo</c>, <c>tone</c>,
/// <c>playback</c>) and the node's speech <c>parrot</c>, which needs the speech engines only the node has.
/// </summary>
public sealed class NodeDiagnosticsOptions
{
    private readonly DiagnosticsOptions _telephony = new();

    public string Echo { get => _telephony.Echo; set => _telephony.Echo = value; }

    public string Tone { get => _telephony.Tone; set => _telephony.Tone = value; }

    public string Playback { get => _telephony.Playback; set => _telephony.Playback = value; }

    /// <summary>The WAV the <c>playback</c> extension plays; empty: a short built-in tone sequence.</summary>
    public string? PlaybackFile { get => _telephony.PlaybackFile; set => _telephony.PlaybackFile = value; }

    /// <summary>The speech parrot: greets, listens, recognizes and says back what it heard.</summary>
    public ParrotOptions Parrot { get; set; } = new();

    /// <summary>What the telephony layer's own diagnostics take.</summary>
    public DiagnosticsOptions Telephony => _telephony;
}
