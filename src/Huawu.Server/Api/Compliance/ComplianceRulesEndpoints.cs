using Huawu.ContactCenter.Compliance.Rules;
using Huawu.Data;
using Huawu.Server.Api.Campaigns;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Compliance;

/// <summary>
/// <c>GET /api/v1/compliance/rules</c>: the rules the gate applies now — every preset with the tenant's changes, as the settings that
/// would reproduce them (change them with <c>PUT /api/v1/settings/compliance.…</c>), and any setting the gate ignored, with why.
/// </summary>
internal static class ComplianceRulesEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/compliance/rules", GetAsync).RequirePermission(Permission.ComplianceRead).WithTags("compliance").Produces<ComplianceRulesResponse>();

    private static async Task<IResult> GetAsync(DataStore store, CancellationToken cancellation)
    {
        var (book, problems) = await ComplianceSettings.LoadAsync(store.Settings, cancellation);
        return TypedResults.Ok(new ComplianceRulesResponse(book.DefaultPreset, book.DefaultZone.Id,
            [.. book.Presets.Values.OrderBy(p => p.Preset, StringComparer.Ordinal)
                .Select(p => new CompliancePresetResponse(p.Preset, ComplianceSettings.Describe(p).ToDictionary(pair => pair.Key, pair => pair.Value)))],
            [.. book.Calendars.Keys.Order(StringComparer.Ordinal)], problems));
    }
}
