using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Loading;

/// <summary>Collects every problem of a script (loading, validation, compiling) so authors see them all at once.</summary>
internal sealed class ScriptErrorSink
{
    private readonly List<ScriptError> _errors = [];

    public IReadOnlyList<ScriptError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(ScriptErrorCode code, string? nodeId, SourcePosition at, params string[] arguments) =>
        _errors.Add(new ScriptError(code, nodeId, at, arguments));
}
