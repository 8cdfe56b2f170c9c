using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Peers;

/// <summary>SIPp against SIPp: proves the wrapper and that the scenario files work as each other's peers.</summary>
public sealed class SippPairTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Builtin_uac_calls_builtin_uas_and_the_statistics_and_message_log_show_every_call()
    {
        var (uac, uas) = await RunPairAsync(SippScenario.Builtin("uas"), SippScenario.Builtin("uac"), calls: 5, uacOptions: o => o with { CallRate = 50 });

        Assert.True(uac.AllCallsSucceeded, uac.Describe());
        Assert.True(uas.AllCallsSucceeded, uas.Describe());
        Assert.Equal(5, uac.SuccessfulCalls);
        Assert.Equal(0, uac.FailedCalls);
        Assert.Equal(5, uac.Statistics!.OutgoingCalls);
        Assert.Equal(5, uas.Statistics!.IncomingCalls);
        var sent = uac.Messages.Requests("INVITE", SippDirection.Sent);
        var received = uas.Messages.Requests("INVITE", SippDirection.Received);
        Assert.Equal(5, sent.Select(m => m.CallId).Distinct().Count());
        Assert.Equal(sent.Select(m => m.CallId).Order(), received.Select(m => m.CallId).Order());
        Assert.Equal(5, uas.Messages.Requests("BYE", SippDirection.Received).Count);
    }

    [Fact]
    public async Task Challenge_401_accepts_the_right_digest_and_rejects_a_wrong_password()
    {
        var (uac, uas) = await RunPairAsync(SippScenarios.UasChallenge401("bob", "s3cret"), SippScenarios.UacCallDigest(), 1, Credentials("bob", "s3cret"));
        var (badUac, badUas) = await RunPairAsync(SippScenarios.UasChallenge401("bob", "s3cret"), SippScenarios.UacCallDigest(), 1, Credentials("bob", "wrong"));

        Assert.True(uas.AllCallsSucceeded, uas.Describe());
        Assert.True(uac.AllCallsSucceeded, uac.Describe());
        // RFC 3261 §22.2: the challenge carries WWW-Authenticate, the retry Authorization with a response.
        Assert.Contains("realm=\"huawu.test\"", uas.Messages.Responses(401, SippDirection.Sent).Single().Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Contains("response=", uas.Messages.Requests("INVITE", SippDirection.Received)[1].Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(1, badUas.FailedCalls);
        Assert.Single(badUas.Messages.Responses(403, SippDirection.Sent));
        Assert.DoesNotContain(badUas.Messages.Responses(200, SippDirection.Sent), m => m.Header("CSeq")!.EndsWith("INVITE", StringComparison.Ordinal));
        Assert.False(badUac.AllCallsSucceeded);
    }

    [Fact]
    public async Task Challenge_407_accepts_proxy_credentials_for_the_user_and_rejects_another_user()
    {
        var (uac, uas) = await RunPairAsync(SippScenarios.UasChallenge407("bob"), SippScenarios.UacCallDigest(), 1, Credentials("bob", "s3cret"));
        var (_, badUas) = await RunPairAsync(SippScenarios.UasChallenge407("bob"), SippScenarios.UacCallDigest(), 1, Credentials("eve", "s3cret"));

        Assert.True(uas.AllCallsSucceeded, uas.Describe());
        Assert.True(uac.AllCallsSucceeded, uac.Describe());
        // RFC 3261 §22.3: a proxy challenge is answered in Proxy-Authorization.
        Assert.Contains("username=\"bob\"", uas.Messages.Requests("INVITE", SippDirection.Received)[1].Header("Proxy-Authorization"), StringComparison.Ordinal);
        Assert.Equal(1, badUas.FailedCalls);
        Assert.Single(badUas.Messages.Responses(403, SippDirection.Sent));
    }

    [Fact]
    public async Task Register_with_digest_succeeds_and_a_wrong_password_is_refused()
    {
        var (uac, uas) = await RunPairAsync(SippScenarios.UasRegisterChallenge("bob", "pw"), SippScenarios.UacRegisterDigest(), 1, o => o with { Service = "bob", AuthUser = "bob", AuthPassword = "pw" });
        var (badUac, badUas) = await RunPairAsync(SippScenarios.UasRegisterChallenge("bob", "pw"), SippScenarios.UacRegisterDigest(), 1, o => o with { Service = "bob", AuthUser = "bob", AuthPassword = "nope" });

        Assert.True(uas.AllCallsSucceeded, uas.Describe());
        Assert.True(uac.AllCallsSucceeded, uac.Describe());
        Assert.Equal("3600", uas.Messages.Responses(200, SippDirection.Sent).Single().Header("Expires"));
        Assert.Equal(1, badUas.FailedCalls);
        Assert.Equal(1, badUac.FailedCalls);
    }

    [Fact]
    public async Task Cancel_after_ringing_gets_200_and_487()
    {
        var (uac, uas) = await RunPairAsync(SippScenarios.UasRingCancel(), SippScenarios.UacCancel(), calls: 3, uacOptions: o => o with { CallRate = 20 });

        Assert.True(uac.AllCallsSucceeded, uac.Describe());
        Assert.True(uas.AllCallsSucceeded, uas.Describe());
        // RFC 3261 §9.2: the CANCEL is answered 200 and the INVITE 487, which the caller ACKs.
        Assert.Equal(3, uas.Messages.Requests("CANCEL", SippDirection.Received).Count);
        Assert.Equal(3, uas.Messages.Responses(487, SippDirection.Sent).Count);
        Assert.Equal(3, uas.Messages.Requests("ACK", SippDirection.Received).Count);
        Assert.DoesNotContain(uas.Messages.Responses(200, SippDirection.Sent), m => m.Header("CSeq")!.EndsWith("INVITE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_scenarios_set_up_and_tear_down_a_batch_of_calls()
    {
        var (uac, uas) = await RunPairAsync(SippScenarios.UasLoad(), SippScenarios.UacLoad(), calls: 100, uacOptions: o => o with { CallRate = 100, Pause = TimeSpan.FromMilliseconds(200) });

        Assert.True(uac.AllCallsSucceeded, uac.Describe());
        Assert.True(uas.AllCallsSucceeded, uas.Describe());
        Assert.Equal(100, uac.SuccessfulCalls);
        Assert.Equal(100, uas.SuccessfulCalls);
    }

    private static Func<SippOptions, SippOptions> Credentials(string user, string password) =>
        o => o with { Service = "100", AuthUser = user, AuthPassword = password, Pause = TimeSpan.FromMilliseconds(100) };

    private static async Task<(SippResult Uac, SippResult Uas)> RunPairAsync(
        SippScenario uasScenario, SippScenario uacScenario, int calls, Func<SippOptions, SippOptions>? uacOptions = null)
    {
        var ports = PortBlock.Allocate(16);
        var uasPort = ports.Take();
        await using var uas = await Sipp.StartAsync(new SippOptions
        {
            Scenario = uasScenario,
            LocalPort = uasPort,
            MediaPort = ports.Take(4),
            MaxCalls = calls,
            GlobalTimeout = RunTimeout,
        });
        var uacBase = new SippOptions
        {
            Scenario = uacScenario,
            Remote = $"127.0.0.1:{uasPort}",
            LocalPort = ports.Take(),
            MediaPort = ports.Take(4),
            Service = "100",
            MaxCalls = calls,
            GlobalTimeout = RunTimeout,
        };
        var uac = await Sipp.RunAsync(uacOptions?.Invoke(uacBase) ?? uacBase, RunTimeout + TimeSpan.FromSeconds(5));
        // A UAS that saw a failure may still wait for messages that never come; its timeout is short then.
        var uasResult = await uas.WaitForExitAsync(uac.AllCallsSucceeded ? RunTimeout : TimeSpan.FromSeconds(3));
        return (uac, uasResult);
    }
}
