namespace Huawu.ContactCenter.Phones;

/// <summary>
/// Splits the country calling code off an international number. E.164 codes are prefix-free: 1 and 7 are one digit,
/// the two-digit codes are listed below, every other assigned code has three digits (ITU-T E.164 assigned country codes,
/// complement to Recommendation E.164). The spare two-digit ranges 28x, 83x and 89x hold no country at all.
/// </summary>
internal static class CountryCodes
{
    private static readonly HashSet<int> TwoDigit =
    [
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
        60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    ];

    private static readonly HashSet<int> Spare = [28, 83, 89];

    /// <summary>The length of the calling code that starts <paramref name="digits"/>, or 0 when no country has it.</summary>
    public static int LengthOf(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 3 || digits[0] == '0') return 0;
        if (digits[0] is '1' or '7') return 1;
        var firstTwo = (digits[0] - '0') * 10 + (digits[1] - '0');
        if (Spare.Contains(firstTwo)) return 0;
        return TwoDigit.Contains(firstTwo) ? 2 : 3;
    }
}
