namespace Huawu.Robot.Scripts;

/// <summary>Where something was written in the script file (1-based line and column), for error messages.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition None => default;

    public bool IsKnown => Line > 0;
}
