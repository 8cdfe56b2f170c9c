using System.Globalization;

namespace Huawu.Speech.Tts.Ssml;

/// <summary>The attributes of <c>&lt;break&gt;</c> and <c>&lt;say-as&gt;</c> (SSML 1.1 §3.2.3 and the say-as W3C Note).</summary>
internal sealed partial class SsmlReader
{
    private static readonly TimeSpan LongestBreak = TimeSpan.FromSeconds(60);

    private bool TryReadBreak(List<Attribute> attributes, out TimeSpan pause)
    {
        TimeSpan? time = null;
        TimeSpan? strength = null;
        foreach (var (name, value, at) in attributes)
        {
            switch (name)
            {
                case "time":
                    if (!TryParseTime(value, out var parsed)) return FailPause(out pause, at, $"break time '{value}' is not a duration like 300ms or 1.5s");
                    if (parsed > LongestBreak) return FailPause(out pause, at, $"break time '{value}' is longer than {LongestBreak.TotalSeconds:0} s");
                    time = parsed;
                    break;
                case "strength":
                    strength = StrengthPause(value);
                    if (strength is null)
                    {
                        return FailPause(out pause, at, $"break strength '{value}' is not one of none, x-weak, weak, medium, strong, x-strong");
                    }
                    break;
                default:
                    return FailPause(out pause, at, $"<break> has no attribute '{name}' (time or strength)");
            }
        }
        // SSML 1.1 §3.2.3: time wins over strength; with neither, the break is as strong as a sentence end ("medium").
        pause = time ?? strength ?? StrengthPause("medium")!.Value;
        return true;
    }

    private bool FailPause(out TimeSpan pause, int position, string reason)
    {
        pause = default;
        return Fail(position, reason);
    }

    // SSML leaves strengths to the processor; these follow common practice (a comma ~250 ms, a paragraph ~1 s).
    private static TimeSpan? StrengthPause(string strength) => strength switch
    {
        "none" => TimeSpan.Zero,
        "x-weak" => TimeSpan.FromMilliseconds(100),
        "weak" => TimeSpan.FromMilliseconds(250),
        "medium" => TimeSpan.FromMilliseconds(500),
        "strong" => TimeSpan.FromMilliseconds(750),
        "x-strong" => TimeSpan.FromMilliseconds(1000),
        _ => null,
    };

    /// <summary>SSML 1.1 §3.2.3 / CSS2 time: a non-negative number followed by <c>ms</c> or <c>s</c>.</summary>
    private static bool TryParseTime(string value, out TimeSpan time)
    {
        time = default;
        var milliseconds = value.EndsWith("ms", StringComparison.Ordinal);
        var seconds = !milliseconds && value.EndsWith('s');
        if (!milliseconds && !seconds) return false;
        var number = value.AsSpan(0, value.Length - (milliseconds ? 2 : 1));
        if (number.IsEmpty || !char.IsDigit(number[0]) && number[0] != '.') return false;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return false;
        time = milliseconds ? TimeSpan.FromMilliseconds(amount) : TimeSpan.FromSeconds(amount);
        return true;
    }

    private bool TryReadSayAsKind(int tagAt, List<Attribute> attributes, out SayAsKind kind)
    {
        kind = default;
        var found = false;
        foreach (var (name, value, at) in attributes)
        {
            if (name is "format" or "detail") continue;
            if (name != "interpret-as") return Fail(at, $"<say-as> has no attribute '{name}' (interpret-as)");
            kind = value switch
            {
                "digits" => SayAsKind.Digits,
                "telephone" => SayAsKind.Telephone,
                "cardinal" or "number" => SayAsKind.Cardinal,
                _ => (SayAsKind)(-1),
            };
            if (kind < 0) return Fail(at, $"interpret-as '{value}' is not supported (digits, telephone, cardinal)");
            found = true;
        }
        return found || Fail(tagAt, "<say-as> needs interpret-as=\"digits|telephone|cardinal\"");
    }
}
