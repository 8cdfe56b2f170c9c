using Huawu.Speech.Vad;

namespace Huawu.Speech.Tests.Endpointing;

/// <summary>
/// A detector that answers from a script, one probability per window (0 after the script ends), and remembers the
/// windows it was given — for endpointing tests independent of any real engine.
/// </summary>
internal sealed class ScriptedDetector(int sampleRate, int windowSamples, IReadOnlyList<float> script) : IVoiceActivityDetector
{
    private int _next;

    public string Name => "scripted";

    public int SampleRate => sampleRate;

    public int WindowSamples => windowSamples;

    public List<short[]> Windows { get; } = [];

    public int Resets { get; private set; }

    public float Process(ReadOnlySpan<short> window)
    {
        Assert.Equal(windowSamples, window.Length);
        Windows.Add(window.ToArray());
        return _next < script.Count ? script[_next++] : 0;
    }

    public void Reset()
    {
        _next = 0;
        Resets++;
    }

    public void Dispose()
    {
    }

    /// <summary>A script from (probability, window count) runs.</summary>
    public static float[] Runs(params (float Probability, int Windows)[] runs) =>
        runs.SelectMany(r => Enumerable.Repeat(r.Probability, r.Windows)).ToArray();
}
