namespace Huawu.Data.Audit;

/// <summary>What an audit entry records. Stored by name (<see cref="AuditActions.NameOf"/>), so new actions never renumber old ones.</summary>
public enum AuditAction
{
    LoginSucceeded,
    LoginFailed,
    Logout,
    Created,
    Updated,
    Deleted,
    Exported,
    RecordingPlayed,
    PermissionDenied,
    UnhandledException,
    Erased,
    KeysRotated,
    KeyRetired,
    BackupCreated,
    BackupRestored,
    RetentionPurged,
}

public enum AuditOutcome
{
    Success,
    Failure,
    Denied,
}

/// <summary>The stored spellings: snake_case (<c>login_failed</c>).</summary>
public static class AuditActions
{
    public static string NameOf(AuditAction action) => SnakeCase(action.ToString());

    public static string NameOf(AuditOutcome outcome) => SnakeCase(outcome.ToString());

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
