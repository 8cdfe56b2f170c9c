namespace Huawu.Media.Dtmf;

/// <summary>DTMF keys and their RFC 4733 §3.2 event codes: 0–9, * = 10, # = 11, A–D = 12–15.</summary>
public static class DtmfDigits
{
    private const string Keys = "0123456789*#ABCD";

    /// <summary>The event code of <paramref name="key"/> (case-insensitive for A–D); false for other characters.</summary>
    public static bool TryGetEventCode(char key, out byte eventCode)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(key), StringComparison.Ordinal);
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The key of a DTMF event code; false for codes above 15 (flash and non-DTMF events).</summary>
    public static bool TryGetKey(byte eventCode, out char key)
    {
        var isDtmf = eventCode < Keys.Length;
        key = isDtmf ? Keys[eventCode] : '\0';
        return isDtmf;
    }
}
