namespace Huawu.Data.Retention;

/// <summary>The kinds of records a retention policy covers, each purged on its own schedule.</summary>
public enum RetentionClass
{
    /// <summary>Recording files and their rows, by when recording started.</summary>
    Recordings,
    /// <summary>Transcript utterances, by when they were written.</summary>
    Transcripts,
    /// <summary>Whole calls (legs, events, variables, transcripts and recordings with them), by when the call started.</summary>
    CallRecords,
    /// <summary>Contacts, by when they were last changed.</summary>
    Contacts,
}

/// <summary>How long one class of records is kept; without a policy, records are kept until erased.</summary>
public sealed record RetentionPolicy(RetentionClass DataClass, int RetainDays, DateTimeOffset UpdatedAt);

public static class RetentionClasses
{
    public static string NameOf(RetentionClass dataClass) => dataClass switch
    {
        RetentionClass.CallRecords => "call_records",
        _ => dataClass.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? name, out RetentionClass dataClass)
    {
        foreach (var candidate in Enum.GetValues<RetentionClass>())
        {
            if (string.Equals(NameOf(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                dataClass = candidate;
                return true;
            }
        }
        dataClass = default;
        return false;
    }
}
