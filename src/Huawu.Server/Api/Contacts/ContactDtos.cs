using Huawu.Data.Contacts;
using Huawu.Data.Protection;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Contacts;

public sealed record ContactListResponse(long Id, string Name, DateTimeOffset CreatedAt);

/// <summary>A contact as the caller may see it: each personal field whole or masked, by the caller's roles.</summary>
public sealed record ContactResponse(
    long Id,
    long ListId,
    string Phone,
    string? Name,
    string? IdNumber,
    string? Notes,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static ContactResponse From(Contact contact, PersonalDataView view) => new(
        contact.Id, contact.ListId, view.Show(DataClass.PhoneNumber, contact.Phone)!, view.Show(DataClass.PersonName, contact.Name),
        view.Show(DataClass.IdNumber, contact.IdNumber), view.Show(DataClass.Note, contact.Notes), view.Show(DataClass.Variable, contact.Attributes),
        contact.CreatedAt, contact.UpdatedAt);
}
