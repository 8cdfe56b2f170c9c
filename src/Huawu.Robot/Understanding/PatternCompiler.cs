using System.Text.RegularExpressions;

namespace Huawu.Robot.Understanding;

/// <summary>
/// Compiles the regular expressions scripts write. The non-backtracking engine runs in time linear in the input
/// whatever the pattern, so an author's pattern can never stall a call; it refuses backreferences and lookarounds,
/// which the validator reports like any other bad pattern.
/// </summary>
internal static class PatternCompiler
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    public static Regex? TryCompile(string pattern, out string? error)
    {
        try
        {
            error = null;
            return new Regex(pattern, Options);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
        }
        catch (NotSupportedException e)
        {
            error = e.Message;
        }
        return null;
    }
}
