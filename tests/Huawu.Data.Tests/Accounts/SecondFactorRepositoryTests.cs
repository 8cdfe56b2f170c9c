using Dapper;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Accounts;

public sealed class SecondFactorRepositoryTests
{
    private static readonly byte[] Secret = "12345678901234567890"u8.ToArray();

    [Theory, BothDatabases]
    public async Task Enrolment_keeps_the_secret_pending_until_activated_and_stores_it_encrypted(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = await ApiTokenRepositoryTests.UserAsync(test);
        Assert.False((await test.Store.SecondFactors.GetAsync(user.Id))!.IsEnabled);
        Assert.Null(await test.Store.SecondFactors.GetAsync(999));
        Assert.False(await test.Store.SecondFactors.ActivatePendingAsync(user.Id, 1));

        Assert.True(await test.Store.SecondFactors.SetPendingAsync(user.Id, Secret));
        var pending = (await test.Store.SecondFactors.GetAsync(user.Id))!;
        Assert.False(pending.IsEnabled);
        Assert.Equal(Secret, pending.PendingSecret);

        Assert.True(await test.Store.SecondFactors.ActivatePendingAsync(user.Id, 100));
        var active = (await test.Store.SecondFactors.GetAsync(user.Id))!;
        Assert.Equal(Secret, active.Secret);
        Assert.Null(active.PendingSecret);
        Assert.Equal(100, active.LastUsedStep);
        Assert.Equal(test.Time.GetUtcNow(), active.EnabledAt);

        await using var connection = await test.Database.OpenRawAsync();
        var stored = await connection.ExecuteScalarAsync<byte[]>("SELECT totp_secret_enc FROM users");
        Assert.Equal(-1, stored.AsSpan().IndexOf(Secret));
        Assert.Equal(-1, stored.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(Secret))));
    }

    [Theory, BothDatabases]
    public async Task A_step_is_accepted_once_and_only_moving_forward(DatabaseProvider provider)
    {
        // RFC 6238 §5.2: the verifier must not accept the second attempt of an OTP after a successful validation.
        await using var test = await TestStore.CreateAsync(provider);
        var user = await ApiTokenRepositoryTests.UserAsync(test);
        Assert.False(await test.Store.SecondFactors.TryUseStepAsync(user.Id, 5));
        await test.Store.SecondFactors.SetPendingAsync(user.Id, Secret);
        await test.Store.SecondFactors.ActivatePendingAsync(user.Id, 5);

        Assert.False(await test.Store.SecondFactors.TryUseStepAsync(user.Id, 5));
        Assert.False(await test.Store.SecondFactors.TryUseStepAsync(user.Id, 4));
        Assert.True(await test.Store.SecondFactors.TryUseStepAsync(user.Id, 6));
        Assert.False(await test.Store.SecondFactors.TryUseStepAsync(user.Id, 6));

        Assert.True(await test.Store.SecondFactors.DisableAsync(user.Id));
        var off = (await test.Store.SecondFactors.GetAsync(user.Id))!;
        Assert.Equal(new Huawu.Data.Accounts.SecondFactor(null, null, null, null), off);
    }
}
