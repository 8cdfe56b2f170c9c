using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Dialogue;

/// <summary>
/// The values one call has gathered (variables, slots, <c>set</c> values, tags) and its counters; what conditions,
/// templates and grading rules read. Touched only by the call's own mailbox, so it needs no locks.
/// </summary>
internal sealed class CallState : IValueSource
{
    private readonly Dictionary<string, ScriptValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly List<string> _tags = [];

    public int Rounds { get; set; }

    public int Silences { get; set; }

    public int NoMatches { get; set; }

    public int BusinessQuestions { get; set; }

    public int Refusals { get; set; }

    public int KnowledgeAnswers { get; set; }

    public int Transfers { get; set; }

    public bool Connected { get; set; } = true;

    public string Outcome { get; set; } = "";

    public string? LastIntent { get; set; }

    public double DurationSeconds { get; set; }

    public IReadOnlyList<string> Tags => _tags;

    public void Set(string name, ScriptValue value) => _values[name] = value;

    public bool AddTag(string tag)
    {
        if (_tags.Contains(tag)) return false;
        _tags.Add(tag);
        return true;
    }

    public int Hit(string intent) => _hits[intent] = _hits.GetValueOrDefault(intent) + 1;

    public int HitsOf(string intent) => _hits.GetValueOrDefault(intent);

    public ScriptValue Lookup(string name) => name switch
    {
        BuiltInNames.Rounds => ScriptValue.Of(Rounds),
        BuiltInNames.Silences => ScriptValue.Of(Silences),
        BuiltInNames.NoMatches => ScriptValue.Of(NoMatches),
        BuiltInNames.BusinessQuestions => ScriptValue.Of(BusinessQuestions),
        BuiltInNames.Refusals => ScriptValue.Of(Refusals),
        BuiltInNames.KnowledgeAnswers => ScriptValue.Of(KnowledgeAnswers),
        BuiltInNames.Transfers => ScriptValue.Of(Transfers),
        BuiltInNames.Connected => ScriptValue.Of(Connected),
        BuiltInNames.Outcome => ScriptValue.Of(Outcome),
        BuiltInNames.Intent => LastIntent is null ? ScriptValue.Null : ScriptValue.Of(LastIntent),
        BuiltInNames.DurationSeconds => ScriptValue.Of(DurationSeconds),
        _ when name.StartsWith(BuiltInNames.HitsPrefix, StringComparison.Ordinal) => ScriptValue.Of(HitsOf(name[BuiltInNames.HitsPrefix.Length..])),
        _ => _values.GetValueOrDefault(name),
    };

    /// <summary>Variables and slots as the call record stores them (text).</summary>
    public IReadOnlyDictionary<string, string> Variables() =>
        _values.Where(v => !v.Value.IsNull).ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.Ordinal);

    public ConversationCounters Counters() =>
        new(Rounds, Silences, NoMatches, BusinessQuestions, Refusals, KnowledgeAnswers, Transfers,
            new Dictionary<string, int>(_hits, StringComparer.Ordinal));
}
