namespace Huawu.Data.Contacts;

/// <summary>A person to call, decrypted. <see cref="Phone"/> is E.164.</summary>
public sealed record Contact(
    long Id,
    long ListId,
    string Phone,
    string? Name,
    string? IdNumber,
    string? Notes,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A contact to add; the phone number may be in any common spelling (it is stored as E.164).</summary>
/// <param name="Attributes">Campaign variables for scripts (amount due, product…); encrypted like the rest.</param>
public sealed record NewContact(
    string Phone,
    string? Name = null,
    string? IdNumber = null,
    string? Notes = null,
    IReadOnlyDictionary<string, string>? Attributes = null);

/// <summary>The optional fields of a contact, replaced as a whole (null clears one).</summary>
public sealed record ContactDetails(
    string? Name,
    string? IdNumber,
    string? Notes,
    IReadOnlyDictionary<string, string>? Attributes);

public sealed record ContactList(long Id, string Name, DateTimeOffset CreatedAt)
{
    /// <summary>The region (ISO 3166 code) numbers written without a country code are taken to be in; null for the store's default.</summary>
    public string? Region { get; init; }

    /// <summary>The IANA time zone callees are assumed to be in when their number does not say; null for the region's.</summary>
    public string? TimeZone { get; init; }
}

/// <summary>What an import did: rows added, rows whose number the list already had, and rows refused (0-based).</summary>
public sealed record ContactImport(int Added, int Duplicates, IReadOnlyList<int> InvalidRows)
{
    /// <summary>The rows (0-based) whose number the list already had, or an earlier row of the same import.</summary>
    public IReadOnlyList<int> DuplicateRows { get; init; } = [];
}
