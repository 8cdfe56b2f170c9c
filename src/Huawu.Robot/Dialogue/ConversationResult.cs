namespace Huawu.Robot.Dialogue;

/// <summary>The counters grading rules read (see <see cref="Scripts.BuiltInNames"/>), with per-intent hit counts.</summary>
public sealed record ConversationCounters(
    int Rounds,
    int Silences,
    int NoMatches,
    int BusinessQuestions,
    int Refusals,
    int KnowledgeAnswers,
    int Transfers,
    IReadOnlyDictionary<string, int> Hits);

/// <summary>How a call went, for its call record: outcome, grade, tags, variables and slots, counters, transcript.</summary>
public sealed record ConversationResult(
    string Outcome,
    string? Grade,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Variables,
    ConversationCounters Counters,
    bool AddedToDoNotCall,
    IReadOnlyList<TranscriptEntry> Transcript);

/// <summary>What an agent receives with a transferred call: the conversation so far and what the robot made of it.</summary>
public sealed record HandOffContext(
    string ScriptName,
    string NodeId,
    IReadOnlyList<TranscriptEntry> Transcript,
    string? LastIntent,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<string> Tags,
    string? Grade);
