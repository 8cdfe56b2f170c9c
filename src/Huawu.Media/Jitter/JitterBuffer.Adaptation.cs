namespace Huawu.Media.Jitter;

/// <summary>
/// Playout delay adaptation. A late packet means the delay is too short: the next underrun then holds the
/// timeline for one frame instead of skipping it, adding 20 ms (up to the maximum). When no packet has been
/// late for a while the target decays by a frame (down to the minimum). If the buffer stays a whole frame
/// deeper than the target for a window, one frame is discarded to bring the delay back.
/// </summary>
internal sealed partial class JitterBuffer
{
    private const int DepthWindowFrames = 50;
    private const int DecayAfterFrames = 500;

    private int _targetDelay;
    private bool _growRequested;
    private long _minimumDepthInWindow;
    private int _windowFrames;
    private int _framesSinceLate;
    private long _framesDiscarded;
    private long _delayIncreases;

    private void OnLatePacket()
    {
        _framesSinceLate = 0;
        if (_options.Adaptive) _growRequested = true;
    }

    private bool TryGrowDelay()
    {
        if (!_growRequested) return false;
        _growRequested = false;
        var maximum = UnitsOf(_options.MaximumDelay, ClockRate);
        if (_targetDelay + _frameUnits > maximum) return false;
        _targetDelay += _frameUnits;
        _delayIncreases++;
        return true;
    }

    /// <summary>Called once per played frame before filling it.</summary>
    private bool ShouldDiscardFrame()
    {
        if (_options.Adaptive && ++_framesSinceLate >= DecayAfterFrames)
        {
            _framesSinceLate = 0;
            _targetDelay = Math.Max(UnitsOf(_options.MinimumDelay, ClockRate), _targetDelay - _frameUnits);
        }
        _minimumDepthInWindow = Math.Min(_minimumDepthInWindow, Depth);
        if (++_windowFrames < DepthWindowFrames) return false;
        var excess = _minimumDepthInWindow - _targetDelay;
        ResetDepthWindow();
        if (excess < _frameUnits) return false;
        _framesDiscarded++;
        return true;
    }

    private void ResetDepthWindow()
    {
        _minimumDepthInWindow = long.MaxValue;
        _windowFrames = 0;
    }
}
