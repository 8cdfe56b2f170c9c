namespace Huawu.Data.Erasure;

/// <summary>What erasing one person removed or anonymized; printed by <c>huawu erase</c>.</summary>
public sealed record ErasureReport(
    int ContactsDeleted,
    int CallsAnonymized,
    int CallLegsAnonymized,
    int RecordingsDeleted,
    int TranscriptSegmentsDeleted,
    int CallVariablesDeleted,
    int AttemptsAnonymized,
    int ConsentsDeleted,
    bool AddedToDoNotCall,
    long AuditSequence)
{
    public IEnumerable<(string What, long Count)> Lines() =>
    [
        ("contacts deleted", ContactsDeleted),
        ("calls anonymized (kept for statistics, without the number)", CallsAnonymized),
        ("call legs anonymized", CallLegsAnonymized),
        ("recordings deleted (files and rows)", RecordingsDeleted),
        ("transcript utterances deleted", TranscriptSegmentsDeleted),
        ("call variables deleted", CallVariablesDeleted),
        ("call attempts anonymized", AttemptsAnonymized),
        ("consent records deleted", ConsentsDeleted),
    ];
}
