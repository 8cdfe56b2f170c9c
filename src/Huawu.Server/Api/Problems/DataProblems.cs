using Huawu.Data;
using Huawu.Server.Api.Validation;

namespace Huawu.Server.Api.Problems;

/// <summary>The data layer's expected failures as API answers: invalid → field error, duplicate → 409, not found → 404.</summary>
internal static class DataProblems
{
    public static IResult ToResult(DataProblem problem, string field, string? detail) => problem switch
    {
        DataProblem.Invalid => FieldErrors.Single(field, detail ?? "invalid"),
        DataProblem.Duplicate => ApiProblems.Conflict("duplicate", detail ?? "already exists"),
        DataProblem.NotFound => ApiProblems.Result(StatusCodes.Status404NotFound, "not_found", "Not found", detail),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "not a failure"),
    };
}
