using Huawu.Sip.Authentication;
using Huawu.Sip.Headers;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Registrar;

namespace Huawu.Telephony.Tests.Registrar;

/// <summary>The algorithms the registrar challenges with are configured, in order (RFC 8760 §2.4).</summary>
public sealed class DigestAlgorithmOrderTests
{
    [Fact]
    public void An_md5_only_registrar_challenges_with_md5_alone_and_refuses_sha_256_answers()
    {
        using var fixture = new RegistrarFixture(o => new RegistrarOptions { Domain = o.Domain, Aliases = o.Aliases, DigestAlgorithms = [DigestAlgorithm.Md5] });
        var phone = fixture.Phone();

        var challenge = fixture.Registrar.HandleRegister(phone.Build(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>")), phone.Source).Build();

        var offered = Assert.Single(challenge.GetValues(HeaderId.WwwAuthenticate));
        Assert.Contains("algorithm=MD5", System.Text.Encoding.UTF8.GetString(offered.Span), StringComparison.Ordinal);
        Assert.Equal(200, phone.Register(fixture.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>")).StatusCode);
    }

    [Fact]
    public void The_node_registrar_takes_the_order_from_the_sip_configuration()
    {
        var sip = new SipOptions { DigestAlgorithms = [DigestAlgorithm.Md5, DigestAlgorithm.Sha256] };

        Assert.Equal([DigestAlgorithm.Md5, DigestAlgorithm.Sha256], RegistrarOptions.For(sip).DigestAlgorithms);
        Assert.Empty(TelephonyOptionsValidator.Validate(new TelephonyOptions { Sip = sip }));
        sip.DigestAlgorithms = [DigestAlgorithm.Md5Sess];
        Assert.Contains(TelephonyOptionsValidator.Validate(new TelephonyOptions { Sip = sip }), e => e.StartsWith("sip.digest_algorithms", StringComparison.Ordinal));
    }
}
