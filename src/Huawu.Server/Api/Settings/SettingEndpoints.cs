using System.Text.RegularExpressions;
using Huawu.Data;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Settings;

public sealed record SettingRequest(string? Value);

public sealed record SettingResponse(string Key, string Value);

/// <summary><c>/api/v1/settings</c>: node-wide settings changed at run time (plain text, never secrets).</summary>
internal static partial class SettingEndpoints
{
    public const int MaxValueLength = 4000;

    public static void Map(RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("settings");
        settings.MapGet("", ListAsync).RequirePermission(Permission.SettingsRead).Produces<Page<SettingResponse>>().ProducesValidationProblem();
        settings.MapGet("/{key}", GetAsync).RequirePermission(Permission.SettingsRead)
            .Produces<SettingResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPut("/{key}", SetAsync).RequirePermission(Permission.SettingsWrite).Audited("setting")
            .Produces<SettingResponse>().ProducesValidationProblem();
        settings.MapDelete("/{key}", DeleteAsync).RequirePermission(Permission.SettingsWrite).Audited("setting")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    // Keys are short, lower-case identifiers (dialer.max_attempts): nothing a human would mistake for data.
    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    private static async Task<IResult> ListAsync([AsParameters] PageQuery query, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        // Positions in key order serve as the paging key: settings are few and change rarely.
        var all = (await store.Settings.AllAsync(cancellation)).OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select((pair, position) => (Position: (long)position, Setting: new SettingResponse(pair.Key, pair.Value)));
        var paged = page.Over(all, entry => entry.Position);
        return TypedResults.Ok(new Page<SettingResponse>([.. paged.Items.Select(entry => entry.Setting)], paged.Next));
    }

    private static async Task<IResult> GetAsync(string key, DataStore store, CancellationToken cancellation) =>
        KeyPattern().IsMatch(key) && await store.Settings.GetAsync(key, cancellation) is { } value
            ? TypedResults.Ok(new SettingResponse(key, value))
            : ApiProblems.NotFound("setting");

    private static async Task<IResult> SetAsync(string key, SettingRequest request, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!KeyPattern().IsMatch(key)) errors.Add("key", "1-100 of a-z, 0-9, '_', '.', '-', starting with a letter or digit");
        if (request.Value is null) errors.Add("value", "required");
        else if (request.Value.Length > MaxValueLength) errors.Add("value", $"at most {MaxValueLength} characters");
        // Line breaks and tabs are text; other control characters (NUL above all, which PostgreSQL refuses in text) are not.
        else if (request.Value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) errors.Add("value", "no control characters but line breaks and tabs");
        if (errors.Any) return errors.ToResult();
        await store.Settings.SetAsync(key, request.Value!, cancellation);
        return TypedResults.Ok(new SettingResponse(key, request.Value!));
    }

    private static async Task<IResult> DeleteAsync(string key, DataStore store, CancellationToken cancellation) =>
        KeyPattern().IsMatch(key) && await store.Settings.DeleteAsync(key, cancellation) ? TypedResults.NoContent() : ApiProblems.NotFound("setting");
}
