namespace Huawu.Data.Scripts;

/// <summary>One stored version of a dialogue script: immutable once written; calls and campaigns name it by id.</summary>
/// <param name="Version">1, 2, 3… per script name, in the order versions were stored.</param>
/// <param name="Body">The script's YAML, exactly as imported.</param>
public sealed record ScriptVersion(long Id, string Name, int Version, string Body, long? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);
