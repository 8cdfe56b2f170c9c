namespace Huawu.Speech.Asr.Pocketsphinx;

/// <summary>
/// Holds back the quiet before an utterance's first sound, passing on only its last <see cref="LeadMilliseconds"/>: the
/// decoder starts at the speech.
/// </summary>
/// <remarks>
/// The pipeline hands a recognizer each utterance from its endpointer's pre-roll (300 ms before the detected onset). With
/// Debian's en-us model and a grammar, espeak-ng answers through µ-law after 0.15–0.35 s of line silence were mostly
/// missed or taken for another phrase ("yes" → nothing or "scam", "real agent" → "sorry what"), while the same audio
/// with 0.05–0.1 s before it was heard right (measured with <c>huawu asr</c> on every answer of the demo's callees, and
/// on live calls: the demo's "yes" went unheard until this trim). Switching off pocketsphinx's own silence removal
/// (<c>-remove_silence no</c>) did worse. A line with noise opens at once, so only a quiet lead is trimmed.
/// </remarks>
internal sealed class LeadingQuietTrim
{
    /// <summary>How much of the quiet before the first sound is kept, so a soft onset ("h", "f") is not cut.</summary>
    internal const int LeadMilliseconds = 60;

    /// <summary>The first sample at least this loud (about −40 dBFS) ends the quiet.</summary>
    internal const short SoundLevel = 330;

    private readonly short[] _lead;
    private int _leadEnd;
    private bool _leadFull;

    public LeadingQuietTrim(int sampleRate)
    {
        _lead = new short[sampleRate * LeadMilliseconds / 1000];
    }

    /// <summary>Whether the first sound has come (everything from here on is passed on whole).</summary>
    public bool IsOpen { get; private set; }

    /// <summary>
    /// Takes the next samples. While quiet, they are held (only the last <see cref="LeadMilliseconds"/>) and nothing is
    /// passed on; at the first sound, <paramref name="lead"/> is the held quiet before it and <paramref name="rest"/> the
    /// samples from the sound on; once open, <paramref name="rest"/> is all of <paramref name="samples"/>.
    /// </summary>
    public void Take(ReadOnlySpan<short> samples, out ReadOnlySpan<short> lead, out ReadOnlySpan<short> rest)
    {
        lead = default;
        if (IsOpen)
        {
            rest = samples;
            return;
        }
        var sound = IndexOfSound(samples);
        if (sound < 0)
        {
            Hold(samples);
            rest = default;
            return;
        }
        Hold(samples[..sound]);
        IsOpen = true;
        lead = Unroll();
        rest = samples[sound..];
    }

    private static int IndexOfSound(ReadOnlySpan<short> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            if (samples[i] >= SoundLevel || samples[i] <= -SoundLevel) return i;
        }
        return -1;
    }

    /// <summary>Keeps the newest samples in the ring.</summary>
    private void Hold(ReadOnlySpan<short> samples)
    {
        if (_lead.Length == 0) return;
        if (samples.Length >= _lead.Length)
        {
            samples[^_lead.Length..].CopyTo(_lead);
            _leadEnd = 0;
            _leadFull = true;
            return;
        }
        foreach (var sample in samples)
        {
            _lead[_leadEnd] = sample;
            _leadEnd = (_leadEnd + 1) % _lead.Length;
            if (_leadEnd == 0) _leadFull = true;
        }
    }

    /// <summary>The held samples oldest first, in place (the ring is not used again once open).</summary>
    private ReadOnlySpan<short> Unroll()
    {
        if (!_leadFull) return _lead.AsSpan(0, _leadEnd);
        _lead.AsSpan().Reverse();
        _lead.AsSpan(0, _lead.Length - _leadEnd).Reverse();
        _lead.AsSpan(_lead.Length - _leadEnd).Reverse();
        return _lead;
    }
}
