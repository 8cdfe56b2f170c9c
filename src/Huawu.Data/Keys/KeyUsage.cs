namespace Huawu.Data.Keys;

/// <summary>How many stored values and recordings a data key still encrypts; a key can be retired at zero.</summary>
public sealed record KeyUsage(uint KeyId, long Values, long Recordings)
{
    public bool InUse => Values > 0 || Recordings > 0;
}

/// <summary>What a re-encryption pass moved to the active key, and what it could not read.</summary>
public sealed record ReencryptionReport(uint ActiveKeyId, long Values, long Recordings, IReadOnlyList<string> Problems);
