using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.SoftPhone;

namespace Huawu.Interop.Tests.Peers;

/// <summary>Baresip registering with digest at the SIPp registrar scenario.</summary>
public sealed class BaresipRegistrationTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("s3cret", BaresipRegistration.Registered, true)]
    [InlineData("wrong", BaresipRegistration.Failed, false)]
    public async Task Registers_with_digest_only_with_the_right_password(string password, BaresipRegistration expected, bool sippSucceeds)
    {
        var ports = PortBlock.Allocate(24);
        var registrarPort = ports.Take();
        await using var registrar = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UasRegisterChallenge("alice", "s3cret"),
            LocalPort = registrarPort,
            MaxCalls = 1,
            GlobalTimeout = SippTimeout,
        });
        await using var phone = await Baresip.StartAsync(new BaresipOptions
        {
            Ports = ports,
            Account = BaresipAccount.Registering("alice", password, $"127.0.0.1:{registrarPort}"),
        });

        var state = await phone.WaitForRegistrationAsync();
        var result = await registrar.WaitForExitAsync(SippTimeout);

        Assert.Equal(expected, state);
        Assert.Equal(expected, phone.Registration);
        Assert.Equal(sippSucceeds, result.AllCallsSucceeded);
        // RFC 3261 §22.2: the second REGISTER answers the 401 with credentials for the user.
        var registers = result.Messages.Requests("REGISTER", SippDirection.Received);
        Assert.Equal(2, registers.Count);
        Assert.Null(registers[0].Header("Authorization"));
        Assert.Contains("username=\"alice\"", registers[1].Header("Authorization"), StringComparison.Ordinal);
    }
}
