using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Phones;
using Huawu.ContactCenter.Tests.Support;

namespace Huawu.ContactCenter.Tests.Compliance;

public sealed class DoNotCallSourcesTests
{
    [Fact]
    public async Task A_registry_file_in_the_US_registrys_two_column_form_or_one_number_per_line_is_listed_under_its_name()
    {
        await using var rig = await GateRig.CreateAsync();
        using var files = new TempFiles();
        var us = files.Write("national.txt", "AreaCode,PhoneNumber\n212,5550182\n415,5550100\n212,5550182\n999,123\n");
        var plain = files.Write("internal.csv", "+86 138 1234 5678\n\n13900000001,old customer\nnot a number\n");

        var usReport = await new DoNotCallImporter(rig.Store.DoNotCall).ImportAsync(us, "us-national-2026-01", PhoneRegions.UnitedStates);
        var cnReport = await new DoNotCallImporter(rig.Store.DoNotCall).ImportAsync(plain, "cn-internal", PhoneRegions.China);

        Assert.Equal((2, 1, 1), (usReport.Added, usReport.AlreadyListed, usReport.Invalid));
        Assert.Equal(5, Assert.Single(usReport.Problems).Line);
        Assert.Equal((2, 0, 1), (cnReport.Added, cnReport.AlreadyListed, cnReport.Invalid));
        Assert.Equal(4, await rig.Store.DoNotCall.CountAsync());
        rig.At(2026, 1, 5, 15, 0); // 10:00 New York
        var refused = await rig.DecideAsync("+1 415 555 0100", CallKind.Human);
        Assert.Equal(GateRules.DoNotCall, refused.Rule);
        Assert.Contains("registry:us-national-2026-01", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_captured_on_a_call_stops_every_campaign_calling_the_number()
    {
        await using var rig = await GateRig.CreateAsync();
        Assert.True((await rig.DecideAsync("+8613812345678")).Allowed);
        Assert.True(await new RefusalRecorder(rig.Store).RecordAsync("13812345678", "7f3a09c1", "robot"));

        var refused = await rig.DecideAsync("+8613812345678", CallKind.Human);
        Assert.Equal((GateRules.DoNotCall, true), (refused.Rule, refused.IsFinal));
        Assert.Contains("robot:call:7f3a09c1", refused.Detail, StringComparison.Ordinal);
        Assert.False((await rig.Store.Consents.CurrentAsync("+8613812345678", ComplianceRules.DefaultConsentPurpose))!.Granted);
        // Taking the number off the do-not-call list does not undo the withdrawal: a new consent must be recorded first.
        await rig.Store.DoNotCall.RemoveAsync("+8613812345678");
        Assert.Equal(GateRules.Refused, (await rig.DecideAsync("+8613812345678", CallKind.Human)).Rule);
    }
}
