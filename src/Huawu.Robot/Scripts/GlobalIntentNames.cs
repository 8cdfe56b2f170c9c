namespace Huawu.Robot.Scripts;

/// <summary>The names global intents have in scripts and transcripts (<c>not_interested</c>, <c>do_not_call</c>…).</summary>
public static class GlobalIntentNames
{
    private static readonly Dictionary<GlobalIntentKind, string> Names = new()
    {
        [GlobalIntentKind.Robot] = "robot",
        [GlobalIntentKind.Repeat] = "repeat",
        [GlobalIntentKind.Busy] = "busy",
        [GlobalIntentKind.NotInterested] = "not_interested",
        [GlobalIntentKind.DoNotCall] = "do_not_call",
        [GlobalIntentKind.Complaint] = "complaint",
        [GlobalIntentKind.WrongNumber] = "wrong_number",
        [GlobalIntentKind.WhoIsThis] = "who_is_this",
        [GlobalIntentKind.Silence] = "silence",
        [GlobalIntentKind.NoMatch] = "no_match",
    };

    private static readonly Dictionary<string, GlobalIntentKind> Kinds = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IEnumerable<GlobalIntentKind> All => Names.Keys;

    public static string NameOf(GlobalIntentKind kind) => Names[kind];

    public static bool TryParse(string name, out GlobalIntentKind kind) => Kinds.TryGetValue(name, out kind);
}
