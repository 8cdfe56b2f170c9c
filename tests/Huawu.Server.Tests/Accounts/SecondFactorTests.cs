using System.Net;
using Huawu.Server.Accounts;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Accounts;

public sealed class SecondFactorTests
{
    [Fact]
    public async Task Enrolment_activation_sign_in_with_a_code_once_and_deactivation()
    {
        await using var host = await ApiHost.StartAsync();
        var (_, session) = await SessionClient.SignInAsync(host, "supervisor");
        var userId = host.World.User("supervisor").Id;

        var enrolment = await (await session!.SendAsync(HttpMethod.Post, "/api/v1/session/totp")).ReadAsync();
        var secret = (await host.Store.SecondFactors.GetAsync(userId))!.PendingSecret!;
        Assert.Equal(Base32.Encode(secret), enrolment.GetProperty("secret").GetString());
        Assert.Equal($"otpauth://totp/Huawu%3Asupervisor?secret={Base32.Encode(secret)}&issuer=Huawu&algorithm=SHA1&digits=6&period=30",
            enrolment.GetProperty("otpauthUri").GetString());
        // Pending until a code proves the app has the secret: signing in still needs no code.
        Assert.NotNull((await SessionClient.SignInAsync(host, "supervisor")).Session);
        await (await session.SendAsync(HttpMethod.Post, "/api/v1/session/totp/activation", new { code = "000000" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid_input");
        Assert.Equal(HttpStatusCode.NoContent,
            (await session.SendAsync(HttpMethod.Post, "/api/v1/session/totp/activation", new { code = Code(host, secret) })).StatusCode);
        await (await session.SendAsync(HttpMethod.Post, "/api/v1/session/totp")).ProblemAsync(HttpStatusCode.Conflict, "second_factor_enabled");

        await (await SessionClient.SignInAsync(host, "supervisor")).Response.ProblemAsync(HttpStatusCode.Unauthorized, "second_factor_required");
        await (await SessionClient.SignInAsync(host, "supervisor", totpCode: "123456")).Response
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid_second_factor");
        // RFC 6238 §5.2: the code used for activation is spent, even within its 30 seconds.
        await (await SessionClient.SignInAsync(host, "supervisor", totpCode: Code(host, secret))).Response
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid_second_factor");
        host.Time.Advance(TimeSpan.FromSeconds(30));
        var (signedIn, withCode) = await SessionClient.SignInAsync(host, "supervisor", totpCode: Code(host, secret));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.True((await signedIn.ReadAsync()).GetProperty("user").GetProperty("totpEnabled").GetBoolean());
        // A wrong password is still the generic answer: the code request only follows a right one.
        await (await SessionClient.SignInAsync(host, "supervisor", "wrong password")).Response.ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        await (await withCode!.SendAsync(HttpMethod.Post, "/api/v1/session/totp/deactivation", new { code = "000000" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid_input");
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NoContent,
            (await withCode.SendAsync(HttpMethod.Post, "/api/v1/session/totp/deactivation", new { code = Code(host, secret) })).StatusCode);
        Assert.NotNull((await SessionClient.SignInAsync(host, "supervisor")).Session);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        await using var host = await ApiHost.StartAsync(accounts: a => a.LockoutThreshold = 2);
        var userId = host.World.User("agent").Id;
        await host.Store.SecondFactors.SetPendingAsync(userId, "12345678901234567890"u8.ToArray());
        await host.Store.SecondFactors.ActivatePendingAsync(userId, 0);
        await SessionClient.SignInAsync(host, "agent", totpCode: "000001");
        await SessionClient.SignInAsync(host, "agent", totpCode: "000002");
        var secret = "12345678901234567890"u8.ToArray();
        await (await SessionClient.SignInAsync(host, "agent", totpCode: Code(host, secret))).Response
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    private static string Code(ApiHost host, byte[] secret) => Totp.Format(Totp.Code(secret, Totp.StepAt(host.Time.GetUtcNow())));
}
