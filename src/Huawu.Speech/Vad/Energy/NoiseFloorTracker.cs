namespace Huawu.Speech.Vad.Energy;

/// <summary>
/// Follows the noise level of one band by minimum statistics (R. Martin, "Noise power spectral density estimation
/// based on optimal smoothing and minimum statistics", 2001): the floor is the minimum of the lightly smoothed level
/// over the last ~2.5 s. It falls at once when the line gets quieter and rises within that window when the noise
/// grows, while speech, which always dips between syllables, cannot hold it up.
/// </summary>
internal sealed class NoiseFloorTracker
{
    private const int FramesPerBlock = 16;
    private const int Blocks = 8;
    private const float Smoothing = 0.2f;

    private readonly float[] _blockMinima = new float[Blocks];
    private float _smoothed;
    private float _blockMinimum;
    private int _framesInBlock;
    private int _nextBlock;
    private bool _started;

    public NoiseFloorTracker() => Reset();

    /// <summary>The noise floor in dB; the first level seen until there is history.</summary>
    public float Floor { get; private set; }

    /// <summary>Takes one frame's level in dB and updates <see cref="Floor"/>.</summary>
    public void Update(float level)
    {
        _smoothed = _started ? _smoothed + (Smoothing * (level - _smoothed)) : level;
        _started = true;
        _blockMinimum = MathF.Min(_blockMinimum, _smoothed);
        if (++_framesInBlock == FramesPerBlock)
        {
            _blockMinima[_nextBlock] = _blockMinimum;
            _nextBlock = (_nextBlock + 1) % Blocks;
            _blockMinimum = float.PositiveInfinity;
            _framesInBlock = 0;
        }
        var floor = _blockMinimum;
        foreach (var minimum in _blockMinima) floor = MathF.Min(floor, minimum);
        Floor = floor;
    }

    public void Reset()
    {
        Array.Fill(_blockMinima, float.PositiveInfinity);
        _blockMinimum = float.PositiveInfinity;
        _framesInBlock = 0;
        _nextBlock = 0;
        _started = false;
        Floor = 0;
    }
}
