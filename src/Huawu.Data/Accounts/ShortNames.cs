using System.Diagnostics.CodeAnalysis;

namespace Huawu.Data.Accounts;

/// <summary>Names people give things (teams, tokens): trimmed, 1-100 characters, no control characters.</summary>
internal static class ShortNames
{
    public const int MaxLength = 100;

    public static string Rule => $"1-{MaxLength} characters, no control characters";

    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? name)
    {
        name = input?.Trim();
        if (name is { Length: > 0 and <= MaxLength } && !name.Any(char.IsControl)) return true;
        name = null;
        return false;
    }
}
