namespace Huawu.Speech.Pipeline;

/// <summary>
/// The state behind the echo guard (<see cref="EchoGuardOptions"/>): the robot's level frame by frame over the tail, the
/// learnt echo return loss, and the threshold received windows must pass. Fed on the media thread — the sent frame in
/// the send phase, the received one in the receive phase — with no allocation.
/// </summary>
internal sealed class EchoGuard
{
    // The loss is tracked as a low quantile of (robot level − received level) over frames where the robot is audible:
    // the frames where the echo came back strongest. Steps are asymmetric (down fast, up slowly), so a strong echo is
    // believed within a few frames while a quiet line earns its trust over a second or so.
    private const float Quantile = 0.2f;
    private const float StepDb = 1f;
    private const float MaxLossDb = 80f;
    private const float SilenceDb = -120f;

    private readonly EchoGuardOptions _options;
    private readonly float[] _sentLevels;
    private int _next;
    private float _latestSent = SilenceDb;

    public EchoGuard(EchoGuardOptions options)
    {
        _options = options;
        var frames = Math.Max(1, (int)Math.Ceiling(options.Tail / Huawu.Media.Clock.MediaClock.FrameDuration));
        _sentLevels = new float[frames];
        Array.Fill(_sentLevels, SilenceDb);
        EchoReturnLoss = options.AssumedEchoReturnLoss;
        Threshold = SilenceDb;
    }

    /// <summary>The line's echo return loss as learnt so far (dB).</summary>
    public float EchoReturnLoss { get; private set; }

    /// <summary>Received windows quieter than this (dBFS) are taken for echo; very low while the robot is silent.</summary>
    public float Threshold { get; private set; }

    /// <summary>The robot sent this frame (or, when <paramref name="frame"/> is empty, nothing) this tick.</summary>
    public void OnSent(ReadOnlySpan<short> frame)
    {
        _latestSent = frame.IsEmpty ? SilenceDb : Level(frame);
        _sentLevels[_next] = _latestSent;
        _next = (_next + 1) % _sentLevels.Length;
    }

    /// <summary>This tick's received frame: learns the loss while the robot speaks and sets the threshold while it echoes.</summary>
    public void OnReceived(ReadOnlySpan<short> frame)
    {
        var robot = SilenceDb;
        foreach (var level in _sentLevels) robot = MathF.Max(robot, level);
        if (!_options.Enabled || robot < _options.AudibleLevel)
        {
            Threshold = SilenceDb;
            return;
        }
        // Learnt only while the robot is still speaking: once it stops, its echo dies within the path's delay while the
        // tail keeps its level, and the quiet that follows would pass for a line without echo.
        if (_latestSent >= _options.AudibleLevel)
        {
            var loss = robot - Level(frame);
            EchoReturnLoss = Math.Clamp(EchoReturnLoss + (loss > EchoReturnLoss ? StepDb * Quantile : -StepDb * (1 - Quantile)), 0, MaxLossDb);
        }
        Threshold = robot - EchoReturnLoss + _options.Margin;
    }

    /// <summary>Whether <paramref name="window"/> is too quiet to be anything but the robot's echo.</summary>
    public bool IsEcho(ReadOnlySpan<short> window) => Threshold > SilenceDb && Level(window) < Threshold;

    /// <summary>Mean-square level relative to full scale, in dB (a full-scale square wave is 0 dBFS).</summary>
    public static float Level(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return SilenceDb;
        double sum = 0;
        foreach (var s in samples) sum += s * (double)s;
        return MathF.Max(SilenceDb, 10 * MathF.Log10((float)(sum / samples.Length / (32768.0 * 32768.0)) + 1e-13f));
    }
}
