namespace Huawu.Data;

/// <summary>Why a write did not happen: the expected failures callers (API, CLI, dialer) turn into answers.</summary>
public enum DataProblem
{
    None,
    /// <summary>A value is malformed (an unparseable phone number, an empty name); <see cref="DataResult{T}.Detail"/> says which.</summary>
    Invalid,
    /// <summary>The value must be unique and is already taken (a username, a number in a list).</summary>
    Duplicate,
    /// <summary>What the write refers to does not exist.</summary>
    NotFound,
}

/// <summary>The value a write produced, or the problem that stopped it.</summary>
public readonly record struct DataResult<T>(T? Value, DataProblem Problem, string? Detail)
{
    public bool Succeeded => Problem == DataProblem.None;
}

/// <summary>Builds <see cref="DataResult{T}"/> values.</summary>
public static class DataResult
{
    public static DataResult<T> Ok<T>(T value) => new(value, DataProblem.None, null);

    public static DataResult<T> Fail<T>(DataProblem problem, string detail) => new(default, problem, detail);
}
