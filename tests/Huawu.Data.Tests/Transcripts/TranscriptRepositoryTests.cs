using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Data.Transcripts;

namespace Huawu.Data.Tests.Transcripts;

public sealed class TranscriptRepositoryTests
{
    [Theory, BothDatabases]
    public async Task Utterances_are_numbered_in_order_and_read_back_decrypted(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var call = await Seed.CallAsync(test.Store, "13812345678", test.Time.GetUtcNow());
        var other = await Seed.CallAsync(test.Store, "13900000000", test.Time.GetUtcNow());
        var robot = (await test.Store.Transcripts.AppendAsync(call.Id,
            new NewTranscriptSegment("robot", TimeSpan.Zero, TimeSpan.FromSeconds(3), "您好，这里是宽带续费提醒。"))).Value!;
        var customer = (await test.Store.Transcripts.AppendAsync(call.Id,
            new NewTranscriptSegment("customer", TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(5.2), "我叫张伟，下周三再打。", "callback_later", 0.92))).Value!;
        await test.Store.Transcripts.AppendAsync(other.Id, new NewTranscriptSegment("customer", TimeSpan.Zero, TimeSpan.FromSeconds(1), "喂？"));

        Assert.Equal((1, 2), (robot.Sequence, customer.Sequence));
        Assert.Equal([robot, customer], await test.Store.Transcripts.ForCallAsync(call.Id));
        Assert.Equal(DataProblem.NotFound, (await test.Store.Transcripts.AppendAsync(999, new NewTranscriptSegment("robot", TimeSpan.Zero, TimeSpan.Zero, "x"))).Problem);

        Assert.Equal(2, await test.Store.Transcripts.DeleteForCallAsync(call.Id));
        Assert.Empty(await test.Store.Transcripts.ForCallAsync(call.Id));
        Assert.Single(await test.Store.Transcripts.ForCallAsync(other.Id));
    }
}
