using System.Net;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;
using Huawu.Sip.Transport;
using Huawu.Testing;

namespace Huawu.Telephony.Tests.Registrar;

/// <summary>The RFC 4475 torture messages, byte-exact from the shared test data.</summary>
internal static class Rfc4475
{
    public static SipEndPoint Source { get; } = new(TransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.253"), 5060));

    public static byte[] Load(string name) => File.ReadAllBytes(SharedData.PathOf($"testdata/sip/rfc4475/{name}.dat"));

    public static SipMessage Parse(string name)
    {
        Assert.True(SipParser.TryParse(Load(name), out var message, out var error), error.Reason);
        return message;
    }
}
