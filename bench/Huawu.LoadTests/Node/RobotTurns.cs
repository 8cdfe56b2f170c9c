using System.Globalization;
using System.Text.Json;

namespace Huawu.LoadTests.Node;

/// <summary>
/// What the node stored of its parrot calls, read back through the API: per call the transcript (the caller's recognized
/// utterances and the robot's replies) and the <c>speech_turn</c> events, each turn's latency with its split
/// (<c>total_ms=… endpointing_ms=… recognition_ms=…</c>: the end of the caller's speech to the reply's first packet).
/// </summary>
internal sealed record RobotTurns(
    int Calls,
    int Measured,
    int Recognized,
    int Misrecognized,
    int NoMatch,
    int NoInput,
    IReadOnlyDictionary<string, long[]> Milliseconds,
    IReadOnlyList<string> HeardOtherwise)
{
    private const int KeptOddities = 5;

    // ParrotDiagnostic's own answers to a turn that was not recognized, and to silence.
    private const string NotUnderstood = "Sorry, I did not understand.", StillThere = "Are you still there?", Goodbye = "Goodbye.";

    /// <summary>The turn's latency: the caller's end of speech to the reply's first packet.</summary>
    public const string Total = "total_ms";

    public static async Task<RobotTurns> ReadAsync(NodeApi api, string phrase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var calls = await api.ListAsync("/api/v1/calls", cancellationToken);
        var figures = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        int measured = 0, recognized = 0, misrecognized = 0, noMatch = 0, noInput = 0;
        var heardOtherwise = new List<string>();
        foreach (var call in calls)
        {
            var id = call.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
            foreach (var happened in await api.ListAsync($"/api/v1/calls/{id}/events", cancellationToken))
            {
                if (happened.GetProperty("kind").GetString() != "speech_turn") continue;
                measured++;
                foreach (var pair in happened.GetProperty("detail").GetString()!.Split(' ').Select(p => p.Split('=')).Where(p => p[0].EndsWith("_ms", StringComparison.Ordinal)))
                {
                    if (!figures.TryGetValue(pair[0], out var list)) figures[pair[0]] = list = [];
                    list.Add(long.Parse(pair[1], CultureInfo.InvariantCulture));
                }
            }
            foreach (var segment in await api.ListAsync($"/api/v1/calls/{id}/transcript", cancellationToken))
            {
                var text = segment.GetProperty("text").GetString();
                if (segment.GetProperty("speaker").GetString() == "customer")
                {
                    if (text == phrase) recognized++;
                    else if (++misrecognized <= KeptOddities)
                    {
                        heardOtherwise.Add(FormattableString.Invariant($"call {id} at {segment.GetProperty("startSeconds").GetDouble():F2} s: \"{text}\""));
                    }
                }
                else if (text == NotUnderstood) noMatch++;
                else if (text is StillThere or Goodbye) noInput++;
            }
        }
        return new RobotTurns(calls.Count, measured, recognized, misrecognized, noMatch, noInput,
            figures.ToDictionary(f => f.Key, f => f.Value.Order().ToArray(), StringComparer.Ordinal), heardOtherwise);
    }

    /// <summary>The nearest-rank percentile of a figure over every turn (0 when none was measured).</summary>
    public long Percentile(string figure, double fraction)
    {
        if (!Milliseconds.TryGetValue(figure, out var sorted) || sorted.Length == 0) return 0;
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>"endpointing_ms 200/205" for each figure of the split, p50/p95.</summary>
    public string DescribeSplit() => string.Join(", ", Milliseconds.Keys.Where(k => k != Total)
        .Select(k => FormattableString.Invariant($"{k[..^3]} {Percentile(k, 0.5)}/{Percentile(k, 0.95)}")));
}
