using Huawu.Sip.Uris;

namespace Huawu.Sip.Tests.Uris;

/// <summary>RFC 3261 §19.1.4 URI comparison, with the section's own examples.</summary>
public sealed class SipUriEquivalenceTests
{
    [Theory]
    // The pairs RFC 3261 §19.1.4 lists as equivalent.
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    // Two spellings of one IPv6 address.
    [InlineData("sip:bob@[::1]:5070", "sip:bob@[0:0:0:0:0:0:0:1]:5070")]
    public void Equivalent_uris(string left, string right)
    {
        Assert.True(SipUriEquivalence.AreEquivalent(SipUri.Parse(left), SipUri.Parse(right)));
        Assert.True(SipUriEquivalence.AreEquivalent(SipUri.Parse(right), SipUri.Parse(left)));
    }

    [Theory]
    // The pairs RFC 3261 §19.1.4 lists as not equivalent.
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")] // different usernames
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")] // can resolve to different ports
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")] // can resolve to different transports
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")] // different header component
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")] // even if the name resolves there
    // The other rules of the section.
    [InlineData("sip:alice@atlanta.com", "sips:alice@atlanta.com")] // SIP and SIPS never match
    [InlineData("sip:atlanta.com", "sip:alice@atlanta.com")] // a missing user never matches one
    [InlineData("sip:alice@atlanta.com", "sip:alice:secret@atlanta.com")] // nor a missing password
    [InlineData("sip:alice@atlanta.com;user=phone", "sip:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com;ttl=1", "sip:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com;method=INVITE", "sip:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com;maddr=239.255.255.1", "sip:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com;newparam=5", "sip:alice@atlanta.com;newparam=6")] // in both, must match
    [InlineData("sip:alice@atlanta.com;lr", "sip:alice@atlanta.com;lr=on")]
    [InlineData("sip:alice%3Bx@atlanta.com", "sip:alice;x@atlanta.com")] // an escaped reserved character stays escaped
    [InlineData("sip:alice@atlanta.com?subject=x", "sip:alice@atlanta.com?subject=x&priority=urgent")]
    [InlineData("sip:alice@atlanta.com?subject=x", "sip:alice@atlanta.com?subject=X")]
    public void Not_equivalent_uris(string left, string right)
    {
        Assert.False(SipUriEquivalence.AreEquivalent(SipUri.Parse(left), SipUri.Parse(right)));
        Assert.False(SipUriEquivalence.AreEquivalent(SipUri.Parse(right), SipUri.Parse(left)));
    }

    [Fact]
    public void Other_schemes_compare_as_written_ignoring_case()
    {
        Assert.True(SipUriEquivalence.AreEquivalent(SipUri.Parse("tel:+1-201-555-0123"), SipUri.Parse("TEL:+1-201-555-0123")));
        Assert.False(SipUriEquivalence.AreEquivalent(SipUri.Parse("tel:+1-201-555-0123"), SipUri.Parse("tel:+1-201-555-0124")));
        Assert.False(SipUriEquivalence.AreEquivalent(SipUri.Parse("tel:+12015550123"), SipUri.Parse("sip:+12015550123@example.com")));
    }
}
