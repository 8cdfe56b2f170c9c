namespace Huawu.Media.Jitter;

/// <summary>
/// Packet-loss concealment in the manner of G.711 Appendix I, simplified: on loss, repeat the last pitch
/// period of the good audio (found by autocorrelation over 2.5–15 ms lags), hold full level for 10 ms,
/// then fade linearly to silence 60 ms into the loss; when audio resumes, cross-fade from the concealment
/// into it over 4 ms so the splice does not click.
/// </summary>
internal sealed class PacketLossConcealer
{
    private const int Q15 = 1 << 15;
    private readonly short[] _history;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly int _holdSamples;
    private readonly int _fadeSamples;
    private readonly int _crossFadeSamples;
    private int _historyCount;
    private int _pitch;
    private int _position;
    private int _concealedSamples;

    public PacketLossConcealer(int sampleRate)
    {
        _minLag = sampleRate / 400;
        _maxLag = sampleRate / 66;
        // Enough history for a correlation window of one maximum lag, compared against the window a lag earlier.
        _history = new short[2 * _maxLag];
        _holdSamples = sampleRate / 100;
        _fadeSamples = sampleRate / 20;
        _crossFadeSamples = sampleRate / 250;
    }

    /// <summary>Whether the last output was concealment.</summary>
    public bool IsConcealing { get; private set; }

    /// <summary>Takes good audio into the history; after a loss, cross-fades its start from the concealment in place.</summary>
    public void Remember(Span<short> good)
    {
        if (IsConcealing)
        {
            var overlap = Math.Min(_crossFadeSamples, good.Length);
            for (var i = 0; i < overlap; i++)
            {
                var concealed = NextConcealedSample();
                good[i] = (short)(((concealed * (overlap - i)) + (good[i] * i)) / overlap);
            }
            IsConcealing = false;
        }
        Append(good);
    }

    /// <summary>Fills <paramref name="output"/> with concealment continuing the last good audio.</summary>
    public void Conceal(Span<short> output)
    {
        if (!IsConcealing)
        {
            IsConcealing = true;
            _concealedSamples = 0;
            _position = 0;
            _pitch = _historyCount == _history.Length ? EstimatePitch() : 0;
        }
        for (var i = 0; i < output.Length; i++) output[i] = NextConcealedSample();
    }

    /// <summary>Whether any good audio was heard, so concealment has something to continue.</summary>
    public bool HasHistory => _historyCount > 0;

    private short NextConcealedSample()
    {
        var done = _concealedSamples++;
        if (_pitch == 0 || done >= _holdSamples + _fadeSamples) return 0;
        var sample = _history[_history.Length - _pitch + (_position++ % _pitch)];
        if (done < _holdSamples) return sample;
        var gain = Q15 - ((done - _holdSamples) * Q15 / _fadeSamples);
        return (short)(sample * gain >> 15);
    }

    private void Append(ReadOnlySpan<short> good)
    {
        if (good.Length >= _history.Length)
        {
            good[^_history.Length..].CopyTo(_history);
        }
        else
        {
            _history.AsSpan(good.Length).CopyTo(_history);
            good.CopyTo(_history.AsSpan(_history.Length - good.Length));
        }
        _historyCount = Math.Min(_history.Length, _historyCount + good.Length);
    }

    /// <summary>The lag that best repeats the most recent window (normalized cross-correlation); 0 for silence.</summary>
    private int EstimatePitch()
    {
        var window = _history.AsSpan(_history.Length - _maxLag);
        long bestScore = 0;
        var bestLag = _maxLag;
        var energy = Energy(window);
        if (energy == 0) return 0;
        for (var lag = _minLag; lag <= _maxLag; lag++)
        {
            var earlier = _history.AsSpan(_history.Length - _maxLag - lag, _maxLag);
            long correlation = 0;
            for (var i = 0; i < window.Length; i++) correlation += window[i] * earlier[i];
            if (correlation <= 0) continue;
            // Normalized cross-correlation, squared to keep the sign test above: in double, as the square overflows a long.
            var earlierEnergy = Math.Max(1, Energy(earlier));
            var score = (long)((double)correlation * correlation / earlierEnergy);
            if (score > bestScore)
            {
                bestScore = score;
                bestLag = lag;
            }
        }
        return bestLag;
    }

    private static long Energy(ReadOnlySpan<short> samples)
    {
        long energy = 0;
        foreach (var sample in samples) energy += sample * sample;
        return energy;
    }
}
