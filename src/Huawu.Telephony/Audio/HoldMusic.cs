using Huawu.Media.Audio;

namespace Huawu.Telephony.Audio;

/// <summary>
/// What a bridged party hears while the bridge is on hold: the configured WAV, or a built-in tone sequence (a falling
/// G-E-C, 250 ms each, then a pause), looped. Loaded once per node; each listener gets its own looping source.
/// </summary>
internal sealed class HoldMusic
{
    /// <summary>The built-in sequence's tones, so tests can listen for them.</summary>
    public static readonly double[] BuiltInFrequencies = [783.99, 659.25, 523.25];

    private readonly AudioClip _clip;

    private HoldMusic(AudioClip clip) => _clip = clip;

    /// <summary>The configured file (validated at startup), else the built-in sequence.</summary>
    public static HoldMusic Load(string? path)
    {
        if (!string.IsNullOrEmpty(path)) return new(AudioClip.Load(path));
        var notes = ToneSequence.Create(BuiltInFrequencies, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(50));
        var pause = new short[8000];
        return new(new AudioClip(8000, [.. notes.Samples, .. pause]));
    }

    /// <summary>A new looping source of the music, for one listener (sources keep their position).</summary>
    public IAudioSource CreateSource() => new PlaybackSource(_clip, loop: true);
}
