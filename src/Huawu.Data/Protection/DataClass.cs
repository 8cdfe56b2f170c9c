namespace Huawu.Data.Protection;

/// <summary>The kinds of personal data Huawu keeps; each has its own masking and, where looked up, its own blind index.</summary>
public enum DataClass
{
    PhoneNumber,
    PersonName,
    IdNumber,
    Note,
    Transcript,
    /// <summary>Free-form values a call collects (robot slots, contact attributes).</summary>
    Variable,
}
