using Huawu.Telephony.Configuration;
using Huawu.Telephony.Registrar;

namespace Huawu.Telephony.Tests.Registrar;

public sealed class RegistrarOptionsTests
{
    [Fact] // The node's own addresses are aliases of its domain; a wildcard listener (0.0.0.0) names no host
    public void A_node_serves_its_domain_and_its_concrete_addresses()
    {
        var sip = new SipOptions
        {
            Domain = "cc.example",
            PublicAddress = "203.0.113.1",
            Listen =
            [
                new SipListenerOptions { Address = "0.0.0.0", Port = 5060 },
                new SipListenerOptions { Address = "10.0.0.5", Port = 5060 },
                new SipListenerOptions { Transport = SipTransportKind.Tcp, Address = "10.0.0.5", Port = 5060 },
            ],
        };

        var options = RegistrarOptions.For(sip);

        Assert.Equal("cc.example", options.Domain);
        Assert.Equal(["10.0.0.5", "203.0.113.1"], options.Aliases);
    }
}
