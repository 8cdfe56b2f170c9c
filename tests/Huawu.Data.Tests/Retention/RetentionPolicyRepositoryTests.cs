using Huawu.Data.Retention;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Retention;

public sealed class RetentionPolicyRepositoryTests
{
    [Theory, BothDatabases]
    public async Task A_policy_per_class_is_set_replaced_and_cleared(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var policies = test.Store.RetentionPolicies;
        Assert.Empty(await policies.ListAsync());
        await policies.SetAsync(RetentionClass.Recordings, 90);
        await policies.SetAsync(RetentionClass.CallRecords, 365);
        test.Time.Advance(TimeSpan.FromDays(1));
        var replaced = (await policies.SetAsync(RetentionClass.Recordings, 30)).Value!;
        Assert.Equal(new RetentionPolicy(RetentionClass.Recordings, 30, test.Time.GetUtcNow()), replaced);
        Assert.Equal([(RetentionClass.Recordings, 30), (RetentionClass.CallRecords, 365)],
            (await policies.ListAsync()).Select(p => (p.DataClass, p.RetainDays)));
        Assert.Equal(DataProblem.Invalid, (await policies.SetAsync(RetentionClass.Contacts, 0)).Problem);
        Assert.True(await policies.ClearAsync(RetentionClass.Recordings));
        Assert.Null(await policies.GetAsync(RetentionClass.Recordings));
        Assert.False(await policies.ClearAsync(RetentionClass.Transcripts));
    }

    [Theory]
    [InlineData("call_records", RetentionClass.CallRecords)]
    [InlineData("Recordings", RetentionClass.Recordings)]
    [InlineData(" contacts ", RetentionClass.Contacts)]
    public void Class_names_parse(string name, RetentionClass expected)
    {
        Assert.True(RetentionClasses.TryParse(name, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.False(RetentionClasses.TryParse("callrecords", out _));
    }
}
