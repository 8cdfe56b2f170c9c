namespace Huawu.Data.Scripts;

/// <summary>Dialogue scripts and their versions (tables <c>scripts</c> and <c>script_versions</c>).</summary>
public interface IScriptRepository
{
    /// <summary>
    /// Stores <paramref name="body"/> as the next version of the script <paramref name="name"/> (creating the script
    /// on its first version). When the body equals the latest version's, nothing is stored and the result is
    /// <see cref="DataProblem.Duplicate"/> with that version in the detail.
    /// </summary>
    Task<DataResult<ScriptVersion>> AddVersionAsync(string name, string body, long? createdBy, CancellationToken cancellation = default);

    Task<ScriptVersion?> LatestAsync(string name, CancellationToken cancellation = default);

    Task<ScriptVersion?> GetAsync(string name, int version, CancellationToken cancellation = default);

    Task<ScriptVersion?> GetAsync(long versionId, CancellationToken cancellation = default);

    /// <summary>Every version of a script, oldest first.</summary>
    Task<IReadOnlyList<ScriptVersion>> VersionsAsync(string name, CancellationToken cancellation = default);

    /// <summary>The names of all stored scripts, sorted.</summary>
    Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellation = default);
}
