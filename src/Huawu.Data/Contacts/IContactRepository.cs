namespace Huawu.Data.Contacts;

/// <summary>
/// Contacts in lists. Phone numbers, names, ID numbers, notes and attributes are encrypted; lookups by phone
/// or ID number go through blind indexes. A list holds a number once (de-duplicated on the normalized form).
/// </summary>
public interface IContactRepository
{
    Task<ContactList> CreateListAsync(string name, CancellationToken cancellation = default);

    /// <summary>Creates a list whose numbers default to <paramref name="region"/> and callees to <paramref name="timeZone"/>.</summary>
    Task<ContactList> CreateListAsync(string name, string? region, string? timeZone, CancellationToken cancellation = default);

    Task<IReadOnlyList<ContactList>> ListListsAsync(CancellationToken cancellation = default);

    Task<ContactList?> GetListAsync(long id, CancellationToken cancellation = default);

    /// <summary>The oldest list with this name (names are not unique), or null.</summary>
    Task<ContactList?> FindListAsync(string name, CancellationToken cancellation = default);

    /// <summary>Adds one contact: <see cref="DataProblem.Invalid"/> for a bad number, <see cref="DataProblem.Duplicate"/> when the list has it.</summary>
    Task<DataResult<Contact>> AddAsync(long listId, NewContact contact, CancellationToken cancellation = default);

    /// <summary>Adds many contacts in batches, skipping invalid numbers and numbers the list already has.</summary>
    Task<DataResult<ContactImport>> ImportAsync(long listId, IReadOnlyList<NewContact> contacts, CancellationToken cancellation = default);

    Task<Contact?> GetAsync(long id, CancellationToken cancellation = default);

    /// <summary>Every contact with this number, in any list, whatever spelling it was imported in.</summary>
    Task<IReadOnlyList<Contact>> FindByPhoneAsync(string phone, CancellationToken cancellation = default);

    Task<IReadOnlyList<Contact>> FindByIdNumberAsync(string idNumber, CancellationToken cancellation = default);

    /// <summary>A page of a list in id order, after <paramref name="afterId"/> (keyset paging: 0 for the first page).</summary>
    Task<IReadOnlyList<Contact>> PageAsync(long listId, long afterId, int limit, CancellationToken cancellation = default);

    Task<bool> UpdateAsync(long id, ContactDetails details, CancellationToken cancellation = default);

    Task<bool> DeleteAsync(long id, CancellationToken cancellation = default);
}
