using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Huawu.Robot.Rehearsal;

/// <summary>The parsed transcript, or why it is not one (with its line).</summary>
public sealed record TranscriptParse(TranscriptFile? Transcript, string? Error);

/// <summary>
/// Reads transcript files:
/// <code>
/// script: loan-followup.zh.yaml      # optional, relative to the transcript
/// now: 2026-01-05T10:00:00+08:00     # optional clock (default: this one)
/// variables: {customer_name: 张先生}
/// start: confirm_identity            # the node after the opening
/// turns:
///   - say: 是的
///     expect: intro                  # the node the robot is at afterwards
///     intent: is_customer            # optional: what it understood
///   - dtmf: "1"
///   - silence: true
///   - transfer: answered             # or no_answer
///   - hangup: true
/// end: {outcome: interested, grade: B, dnc: false, tags: [reached], variables: {amount: "50000"}}
/// </code>
/// </summary>
public static class TranscriptParser
{
    public static TranscriptParse Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return new TranscriptParse(null, $"{e.Start.Line}:{e.Start.Column}: {e.Message}");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root) return new TranscriptParse(null, "1:1: not a transcript mapping");
        var now = Scalar(root, "now") is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateTimeOffset?)null
            : TranscriptFile.DefaultNow;
        if (now is null) return new TranscriptParse(null, $"now: '{Scalar(root, "now")}' is not a date and time");
        var turns = new List<TranscriptTurn>();
        foreach (var item in Child<YamlSequenceNode>(root, "turns")?.Children ?? [])
        {
            if (item is not YamlMappingNode turn || ReadTurn(turn) is not { } read) return new TranscriptParse(null, $"{item.Start.Line}: a turn needs one of say, dtmf, silence, bargein, hangup, transfer");
            turns.Add(read);
        }
        return new TranscriptParse(new TranscriptFile(Scalar(root, "script"), now.Value, Strings(Child<YamlMappingNode>(root, "variables")),
            Scalar(root, "start"), turns, ReadEnd(Child<YamlMappingNode>(root, "end"))), null);
    }

    private static TranscriptTurn? ReadTurn(YamlMappingNode turn)
    {
        var line = (int)turn.Start.Line;
        var expect = Scalar(turn, "expect");
        var intent = Scalar(turn, "intent");
        TranscriptTurn Make(TranscriptTurnKind kind, string? text = null) => new(kind, text, expect, intent, line);
        if (Scalar(turn, "say") is { } said) return Make(TranscriptTurnKind.Say, said);
        if (Scalar(turn, "dtmf") is { } digits) return Make(TranscriptTurnKind.Dtmf, digits);
        if (Scalar(turn, "silence") is "true") return Make(TranscriptTurnKind.Silence);
        if (Scalar(turn, "bargein") is "true") return Make(TranscriptTurnKind.BargeIn);
        if (Scalar(turn, "hangup") is "true") return Make(TranscriptTurnKind.HangUp);
        return Scalar(turn, "transfer") switch
        {
            "answered" => Make(TranscriptTurnKind.TransferAnswered),
            "no_answer" => Make(TranscriptTurnKind.TransferUnanswered),
            _ => null,
        };
    }

    private static TranscriptEnd? ReadEnd(YamlMappingNode? end) => end is null
        ? null
        : new TranscriptEnd(Scalar(end, "outcome"), Scalar(end, "grade"), Scalar(end, "dnc") is { } dnc ? dnc == "true" : null,
            Child<YamlSequenceNode>(end, "tags")?.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
            Child<YamlMappingNode>(end, "variables") is { } variables ? Strings(variables) : null);

    private static Dictionary<string, string> Strings(YamlMappingNode? map) =>
        map?.Children.Where(p => p.Key is YamlScalarNode && p.Value is YamlScalarNode)
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private static string? Scalar(YamlMappingNode map, string key) => Child<YamlScalarNode>(map, key)?.Value;

    private static T? Child<T>(YamlMappingNode map, string key) where T : YamlNode =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as T : null;
}
