using Huawu.Telephony.Configuration;
using Huawu.Telephony.Tests.Engine;
using Huawu.Telephony.Trunks;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Calls;

/// <summary>A trunk that registers (RFC 3261 §10.2) with a SIPp registrar demanding digest, and de-registers at stop.</summary>
public sealed class TrunkRegistrationTests
{
    [Fact]
    public async Task The_trunk_registers_with_digest_and_removes_its_binding_when_the_node_stops()
    {
        var ports = PortBlock.Allocate(32);
        var registrarPort = ports.Take();
        await using var registrar = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenarios.UasRegisterUnregister("acct", "s3cret"),
            LocalPort = registrarPort,
            MaxCalls = 1,
            GlobalTimeout = TimeSpan.FromSeconds(20),
        });
        var node = await HuawuNode.StartAsync(ports, trustLoopback: false, options => options.Trunks.Add(new TrunkOptions
        {
            Name = "carrier",
            Host = "127.0.0.1",
            Port = registrarPort,
            Username = "acct",
            Password = "s3cret",
            Register = true,
            OptionsIntervalSeconds = 0,
        }));

        await Eventually.TrueAsync(() => node.Engine.GetTrunkStatus("carrier")?.Registration == TrunkRegistrationState.Registered, "the trunk registered");
        await node.DisposeAsync();
        var result = await registrar.WaitForExitAsync(TimeSpan.FromSeconds(20));

        // The registration answers the challenge; the removal (Expires 0, §10.2.2) reuses the nonce with the next nc.
        Assert.True(result.AllCallsSucceeded, result.Describe());
        var registers = result.Messages.Requests("REGISTER", SippDirection.Received);
        Assert.Equal(3, registers.Count);
        Assert.Equal("3600", registers[1].Header("Expires"));
        Assert.Equal("0", registers[2].Header("Expires"));
        Assert.Single(registers.Select(r => r.CallId).Distinct());
        Assert.Contains($"<sip:acct@127.0.0.1:{node.SipPort}>", registers[1].Header("Contact"), StringComparison.Ordinal);
    }
}
