namespace Huawu.ContactCenter.Phones;

/// <summary>A parsed number: its E.164 form (<c>+8613812345678</c>), or why there is none.</summary>
public readonly record struct PhoneParse(string? E164, PhoneProblem Problem)
{
    public bool IsValid => Problem == PhoneProblem.None;

    public static PhoneParse Valid(string countryCode, ReadOnlySpan<char> national) => new($"+{countryCode}{national}", PhoneProblem.None);

    public static PhoneParse Invalid(PhoneProblem problem) => new(null, problem);
}
