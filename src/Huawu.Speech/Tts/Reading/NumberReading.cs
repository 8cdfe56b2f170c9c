namespace Huawu.Speech.Tts.Reading;

/// <summary>
/// Reads a <c>&lt;say-as&gt;</c> value in the voice's language: Mandarin for <c>zh</c>/<c>cmn</c> tags, English
/// for <c>en</c>. Other languages have no table here; the engine then gets the digits and reads them itself.
/// </summary>
internal static class NumberReading
{
    public static bool IsMandarin(string? language) =>
        language is not null && (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
                                 || language.StartsWith("cmn", StringComparison.OrdinalIgnoreCase));

    public static bool IsEnglish(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The words for <paramref name="value"/>; null when the language has no reading table or the value holds no digit.</summary>
    public static string? Read(SayAsKind kind, string value, string? language)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(char.IsAsciiDigit)) return null;
        if (IsMandarin(language))
        {
            return kind switch
            {
                SayAsKind.Digits => MandarinNumbers.ReadDigits(value),
                SayAsKind.Telephone => MandarinNumbers.ReadTelephone(value),
                _ => MandarinNumbers.ReadCardinal(value),
            };
        }
        if (IsEnglish(language))
        {
            return kind switch
            {
                SayAsKind.Digits => EnglishNumbers.ReadDigits(value),
                SayAsKind.Telephone => EnglishNumbers.ReadTelephone(value),
                _ => EnglishNumbers.ReadCardinal(value),
            };
        }
        return null;
    }
}
