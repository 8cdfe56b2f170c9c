namespace Huawu.ContactCenter.Phones;

/// <summary>Why a text is not a number Huawu can dial.</summary>
public enum PhoneProblem
{
    None,
    /// <summary>Empty, or nothing but separators.</summary>
    Missing,
    /// <summary>Letters or symbols that no phone number has.</summary>
    NotANumber,
    /// <summary>An extension after the number ("转 123", "ext. 5"): the dialer cannot reach it.</summary>
    HasExtension,
    /// <summary>An international number whose calling code no country has.</summary>
    UnknownCountryCode,
    /// <summary>A national number too short to have its area code (a local landline).</summary>
    MissingAreaCode,
    /// <summary>Too few or too many digits, or digits in places the country's numbering plan does not allow.</summary>
    WrongLength,
    /// <summary>Not a number of the country's numbering plan (e.g. a North American area code starting with 0 or 1).</summary>
    InvalidForCountry,
}

/// <summary>The problems as import reports show them, in English and Simplified Chinese.</summary>
public static class PhoneProblems
{
    public static string Describe(PhoneProblem problem) => problem switch
    {
        PhoneProblem.None => "valid (有效)",
        PhoneProblem.Missing => "no phone number (缺少电话号码)",
        PhoneProblem.NotANumber => "not a phone number (不是电话号码)",
        PhoneProblem.HasExtension => "has an extension, which cannot be dialled (含分机号，无法拨打)",
        PhoneProblem.UnknownCountryCode => "unknown country code (未知的国家代码)",
        PhoneProblem.MissingAreaCode => "a landline without its area code (固话缺少区号)",
        PhoneProblem.WrongLength => "wrong number of digits (位数不对)",
        PhoneProblem.InvalidForCountry => "not a valid number in that country (不符合该国号码规则)",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
