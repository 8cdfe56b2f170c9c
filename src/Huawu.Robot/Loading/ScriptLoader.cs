using System.Text.RegularExpressions;
using Huawu.Robot.Scripts;
using Huawu.Robot.Understanding;
using Huawu.Robot.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Huawu.Robot.Loading;

/// <summary>A loaded script, or every reason it was refused.</summary>
public sealed record ScriptLoadResult(Script? Script, IReadOnlyList<ScriptError> Errors)
{
    public bool Succeeded => Script is not null;
}

/// <summary>
/// Loads dialogue scripts from YAML (format <c>huawu-script/1</c>, see the README): reads, validates and compiles
/// them, and reports all problems at once with their node, line and column. Expected failures are results.
/// </summary>
public static partial class ScriptLoader
{
    public static ScriptLoadResult Load(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new ScriptErrorSink();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(ScriptErrorCode.YamlSyntax, null, new SourcePosition((int)e.Start.Line, (int)e.Start.Column), Describe(e));
            return new ScriptLoadResult(null, errors.Errors);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(ScriptErrorCode.NotAScript, null, new SourcePosition(1, 1));
            return new ScriptLoadResult(null, errors.Errors);
        }
        var definition = ScriptReader.Read(root, errors);
        if (definition is null) return new ScriptLoadResult(null, InFileOrder(errors.Errors));
        ScriptValidator.Validate(definition, errors);
        var understanding = ScriptUnderstanding.Build(definition, errors);
        return errors.HasErrors
            ? new ScriptLoadResult(null, InFileOrder(errors.Errors))
            : new ScriptLoadResult(new Script(definition, understanding), []);
    }

    /// <summary>The language a script declares (<c>language: zh|en</c>), read even from a script that does not load, to report its errors in it.</summary>
    public static ScriptLanguage? DeclaredLanguage(string yaml) =>
        LanguageLine().Match(yaml ?? "") is { Success: true } match ? match.Groups[1].Value == "en" ? ScriptLanguage.En : ScriptLanguage.Zh : null;

    [GeneratedRegex(@"^language:\s*['""]?(zh|en)", RegexOptions.Multiline)]
    private static partial Regex LanguageLine();

    // Errors found by different passes, sorted the way an author reads the file (stable within a position).
    private static ScriptError[] InFileOrder(IReadOnlyList<ScriptError> errors) =>
        [.. errors.OrderBy(e => e.Position.Line).ThenBy(e => e.Position.Column)];

    public static async Task<ScriptLoadResult> LoadFileAsync(string path, CancellationToken cancellation = default) =>
        Load(await File.ReadAllTextAsync(path, cancellation));

    // YamlDotNet prefixes its messages with the position, which the error already carries.
    private static string Describe(YamlException e) =>
        (e.InnerException?.Message ?? e.Message) is var message && message.StartsWith('(') && message.IndexOf("): ", StringComparison.Ordinal) is > 0 and var end
            ? message[(end + 3)..]
            : message;
}
