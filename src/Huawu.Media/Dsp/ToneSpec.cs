using System.Diagnostics.CodeAnalysis;

namespace Huawu.Media.Dsp;

/// <summary>
/// A single or dual tone with a level and an on/off cadence. <see cref="SecondFrequency"/> 0 means a single
/// tone; <see cref="Off"/> zero means a continuous tone. Levels are per tone in dBm0, where a full-scale
/// 16-bit sine is +3.17 dBm0 (ITU-T G.711 §4: the digital milliwatt is 0 dBm0).
/// </summary>
public sealed record ToneSpec(double FirstFrequency, double SecondFrequency, double LevelDbm0, TimeSpan On, TimeSpan Off)
{
    /// <summary>A continuous single tone.</summary>
    public static ToneSpec Continuous(double frequency, double levelDbm0) => new(frequency, 0, levelDbm0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The 1 kHz test tone at −10 dBm0 played by the <c>tone</c> diagnostic.</summary>
    public static ToneSpec TestTone { get; } = Continuous(1000, -10);
}

/// <summary>Call-progress tones of the Chinese network (YD/T 1277: 450 Hz, −10 dBm0).</summary>
public static class CallProgressTones
{
    public static ToneSpec Dial { get; } = ToneSpec.Continuous(450, -10);

    /// <summary>Ringback: 1 s on, 4 s off.</summary>
    public static ToneSpec Ringback { get; } = new(450, 0, -10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));

    /// <summary>Busy: 0.35 s on, 0.35 s off.</summary>
    public static ToneSpec Busy { get; } = new(450, 0, -10, TimeSpan.FromMilliseconds(350), TimeSpan.FromMilliseconds(350));

    /// <summary>Congestion: 0.7 s on, 0.7 s off.</summary>
    public static ToneSpec Congestion { get; } = new(450, 0, -10, TimeSpan.FromMilliseconds(700), TimeSpan.FromMilliseconds(700));
}

/// <summary>In-band DTMF (ITU-T Q.23): a row and a column frequency, each at −7 dBm0 here.</summary>
public static class DtmfTones
{
    private static readonly double[] Rows = [697, 770, 852, 941];
    private static readonly double[] Columns = [1209, 1336, 1477, 1633];
    private const string Keypad = "123A456B789C*0#D";

    /// <summary>The tone pair of a key, sounding for <paramref name="duration"/>; false for non-DTMF characters.</summary>
    public static bool TryGet(char key, TimeSpan duration, [NotNullWhen(true)] out ToneSpec? tone)
    {
        var index = Keypad.IndexOf(char.ToUpperInvariant(key), StringComparison.Ordinal);
        tone = index < 0 ? null : new ToneSpec(Rows[index / 4], Columns[index % 4], -7, duration, TimeSpan.Zero);
        return index >= 0;
    }
}
