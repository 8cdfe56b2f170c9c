using Huawu.Data;
using Huawu.Data.Scripts;
using Huawu.Robot.Loading;
using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Storage;

/// <summary>What importing did: the stored version, or the unchanged version it matched, or the script's errors.</summary>
public sealed record ScriptImportResult(Script? Script, IReadOnlyList<ScriptError> Errors, ScriptVersion? Stored, int? UnchangedVersion)
{
    public bool Succeeded => Script is not null;
}

/// <summary>
/// Imports a script into the store: only a script that loads without errors is stored, as a new version of its
/// <c>name</c>; importing the same text again stores nothing and names the version it matches.
/// </summary>
public static class ScriptImporter
{
    public static async Task<ScriptImportResult> ImportAsync(IScriptRepository scripts, string yaml, long? createdBy = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var loaded = ScriptLoader.Load(yaml);
        if (loaded.Script is not { } script) return new ScriptImportResult(null, loaded.Errors, null, null);
        var stored = await scripts.AddVersionAsync(script.Name, yaml, createdBy, cancellation);
        if (stored.Value is { } version) return new ScriptImportResult(script, [], version, null);
        var unchanged = stored.Problem == DataProblem.Duplicate ? await scripts.LatestAsync(script.Name, cancellation) : null;
        return unchanged is null
            ? throw new InvalidOperationException($"Storing script '{script.Name}' failed: {stored.Detail}")
            : new ScriptImportResult(script, [], null, unchanged.Version);
    }

    /// <summary>Loads a stored version back into a runnable script (stored versions were valid when imported).</summary>
    public static ScriptLoadResult Load(ScriptVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return ScriptLoader.Load(version.Body);
    }
}
