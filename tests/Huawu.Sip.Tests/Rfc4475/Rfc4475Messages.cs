using Huawu.Sip.Messages;
using Huawu.Testing;

namespace Huawu.Sip.Tests.Rfc4475;

/// <summary>The RFC 4475 torture messages, read byte-exact from the shared test data.</summary>
internal static class Rfc4475Messages
{
    public static byte[] Load(string name) => File.ReadAllBytes(SharedData.PathOf($"testdata/sip/rfc4475/{name}.dat"));

    public static SipMessage Parse(string name) => SipText.Parse(Load(name));
}
