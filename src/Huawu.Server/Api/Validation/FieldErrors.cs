using Huawu.Server.Api.Problems;

namespace Huawu.Server.Api.Validation;

/// <summary>Collects what is wrong with a request, field by field, and answers with one RFC 9457 validation problem.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
    }

    /// <summary>Records <paramref name="message"/> for <paramref name="field"/> when the value is missing or blank; true when present.</summary>
    public bool Require(string field, string? value, string message = "required")
    {
        if (!string.IsNullOrWhiteSpace(value)) return true;
        Add(field, message);
        return false;
    }

    /// <summary>Requires short single-line text (a reason, a purpose): present, at most <paramref name="maxLength"/> characters, no control characters.</summary>
    public bool RequireText(string field, string? value, int maxLength = 200)
    {
        if (!Require(field, value)) return false;
        if (value!.Length <= maxLength && !value.Any(char.IsControl)) return true;
        Add(field, $"at most {maxLength} characters on one line");
        return false;
    }

    public IResult ToResult() => TypedResults.ValidationProblem(
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
        detail: "See errors for what to change.",
        title: "Invalid input",
        extensions: new Dictionary<string, object?> { [ApiProblems.CodeExtension] = "invalid_input" });

    /// <summary>A single-field problem, for the usual one-field case.</summary>
    public static IResult Single(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToResult();
    }
}
