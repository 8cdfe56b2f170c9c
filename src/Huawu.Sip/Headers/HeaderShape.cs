namespace Huawu.Sip.Headers;

/// <summary>How often a header may appear and whether its value is a comma-separated list (RFC 3261 §7.3.1).</summary>
public enum HeaderShape : byte
{
    /// <summary>At most once; a comma inside the value is data, not a separator (Call-ID, Date, From…).</summary>
    AtMostOnce,

    /// <summary>A comma-separated list; several header lines combine into one list (Via, Contact, Allow…).</summary>
    List,

    /// <summary>
    /// May repeat, but one line is one value that is never split at commas: the authentication headers
    /// (RFC 3261 §7.3.1 exception) and unknown headers, whose grammar we cannot know.
    /// </summary>
    Repeatable,
}
