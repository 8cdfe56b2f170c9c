using Huawu.ContactCenter.Campaigns;

namespace Huawu.ContactCenter.Dialing;

/// <summary>The callee's E.164 number written the way a trunk wants it in the Request-URI.</summary>
public static class DialNumbers
{
    public static string Format(string e164, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(e164);
        return format switch
        {
            NumberFormat.Digits => e164.TrimStart('+'),
            // Inside China a national number is dialled with the trunk prefix 0 before area codes, mobiles without it.
            NumberFormat.National when e164.StartsWith("+861", StringComparison.Ordinal) && e164.Length == 14 && e164[4] >= '3' => e164[3..],
            NumberFormat.National when e164.StartsWith("+1", StringComparison.Ordinal) => e164[2..],
            NumberFormat.National when e164.StartsWith("+86", StringComparison.Ordinal) => "0" + e164[3..],
            _ => e164,
        };
    }
}
