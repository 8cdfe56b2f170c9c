using Huawu.Data;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Contacts;

/// <summary><c>/api/v1/contact-lists</c> and <c>/api/v1/contacts</c>: the people campaigns call, read-only and masked by role.</summary>
internal static class ContactEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/contact-lists", ListListsAsync).RequirePermission(Permission.ContactsRead).WithTags("contacts")
            .Produces<Page<ContactListResponse>>().ProducesValidationProblem();
        api.MapGet("/contact-lists/{id:long}/contacts", ListContactsAsync).RequirePermission(Permission.ContactsRead).WithTags("contacts")
            .Produces<Page<ContactResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/contacts/{id:long}", GetAsync).RequirePermission(Permission.ContactsRead).WithTags("contacts")
            .Produces<ContactResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListListsAsync([AsParameters] PageQuery query, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        var lists = await store.Contacts.ListListsAsync(cancellation);
        return TypedResults.Ok(page.Over(lists.Select(l => new ContactListResponse(l.Id, l.Name, l.CreatedAt)), l => l.Id));
    }

    private static async Task<IResult> ListContactsAsync(long id, [AsParameters] PageQuery query, HttpContext context, DataStore store,
        ScopeResolver scopes, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        if (!(await store.Contacts.ListListsAsync(cancellation)).Any(l => l.Id == id)) return ApiProblems.NotFound("contact list");
        var view = (await scopes.ForRequestAsync(context)).View;
        var contacts = await store.Contacts.PageAsync(id, page.After ?? 0, page.Limit + 1, cancellation);
        return TypedResults.Ok(page.Of([.. contacts.Select(c => ContactResponse.From(c, view))], c => c.Id));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, DataStore store, ScopeResolver scopes, CancellationToken cancellation)
    {
        if (await store.Contacts.GetAsync(id, cancellation) is not { } contact) return ApiProblems.NotFound("contact");
        return TypedResults.Ok(ContactResponse.From(contact, (await scopes.ForRequestAsync(context)).View));
    }
}
