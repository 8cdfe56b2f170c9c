namespace Huawu.Speech.Asr.Pocketsphinx;

/// <summary>
/// Decoders kept loaded between sessions. A decoder serves one session at a time; loading one takes tens of
/// milliseconds (the model and the 130 000-word dictionary) and its compiled grammars are worth keeping, so sessions
/// rent and return them. Up to <c>pooled_decoders</c> idle ones are kept; any more are freed on return.
/// </summary>
internal sealed class PocketsphinxDecoderPool(PocketsphinxModel model) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Stack<PocketsphinxDecoder> _idle = new();
    private bool _disposed;

    public PocketsphinxModel Model { get; } = model;

    public int IdleCount
    {
        get { lock (_gate) return _idle.Count; }
    }

    /// <summary>An idle decoder, or a newly loaded one; null (with the reason) when pocketsphinx cannot load the model.</summary>
    public PocketsphinxDecoder? TryRent(out string? error)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var decoder))
            {
                error = null;
                return decoder;
            }
        }
        return PocketsphinxDecoder.TryCreate(Model, out error);
    }

    public void Return(PocketsphinxDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        lock (_gate)
        {
            if (!decoder.IsBroken && !_disposed && _idle.Count < Model.Options.PooledDecoders)
            {
                _idle.Push(decoder);
                return;
            }
        }
        decoder.Dispose();
    }

    /// <summary>Loads decoders ahead of the first calls so they do not wait for one.</summary>
    public bool TryPreload(int count, out string? error)
    {
        error = null;
        var loaded = new List<PocketsphinxDecoder>();
        for (var i = 0; i < count && PocketsphinxDecoder.TryCreate(Model, out error) is { } decoder; i++) loaded.Add(decoder);
        foreach (var decoder in loaded) Return(decoder);
        return error is null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            while (_idle.TryPop(out var decoder)) decoder.Dispose();
        }
    }
}
