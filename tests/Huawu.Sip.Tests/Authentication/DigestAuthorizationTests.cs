using Huawu.Sip.Authentication;

namespace Huawu.Sip.Tests.Authentication;

public class DigestAuthorizationTests
{
    [Fact] // RFC 2617 §3.5: the Authorization value of the example, as the RFC prints it
    public void Parses_the_RFC_2617_credentials()
    {
        const string value = "Digest username=\"Mufasa\",\r\n                 realm=\"testrealm@host.com\",\r\n"
            + "                 nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n                 uri=\"/dir/index.html\",\r\n"
            + "                 qop=auth,\r\n                 nc=00000001,\r\n                 cnonce=\"0a4f113b\",\r\n"
            + "                 response=\"6629fae49393a05397450978507c4ef1\",\r\n"
            + "                 opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

        Assert.True(DigestAuthorization.TryParse(value, out var credentials, out _));
        Assert.Equal("Mufasa", credentials.Username);
        Assert.Equal("testrealm@host.com", credentials.Realm);
        Assert.Equal("/dir/index.html", credentials.Uri);
        Assert.Equal(DigestQop.Auth, credentials.Qop);
        Assert.Equal(1u, credentials.NonceCount);
        Assert.Equal("0a4f113b", credentials.Cnonce);
        Assert.Equal("6629fae49393a05397450978507c4ef1", credentials.Response);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", credentials.Opaque);
        Assert.Equal(DigestAlgorithm.Md5, credentials.Algorithm);
        Assert.False(credentials.AlgorithmStated);
    }

    [Fact] // RFC 7616 §3.4: qop and nc are written as tokens, everything else quoted
    public void Serializes_qop_and_nc_as_tokens_and_parses_back()
    {
        var original = new DigestAuthorization
        {
            Username = "alice",
            Realm = "biloxi.com",
            Nonce = "abc",
            Uri = "sip:bob@biloxi.com",
            Response = "0123456789abcdef0123456789abcdef",
            Algorithm = DigestAlgorithm.Sha256,
            Qop = DigestQop.Auth,
            NonceCount = 0x1a,
            Cnonce = "c0ffee",
            Opaque = "op",
        };

        var text = original.ToString();

        Assert.Contains("qop=auth, nc=0000001a", text, StringComparison.Ordinal);
        Assert.Contains("algorithm=SHA-256", text, StringComparison.Ordinal);
        Assert.Contains("uri=\"sip:bob@biloxi.com\"", text, StringComparison.Ordinal);
        Assert.True(DigestAuthorization.TryParse(text, out var parsed, out _));
        Assert.Equal(0x1au, parsed.NonceCount);
        Assert.Equal(original.Cnonce, parsed.Cnonce);
        Assert.Equal(original.Response, parsed.Response);
        Assert.Equal(original.Opaque, parsed.Opaque);
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\"")]                       // username missing
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", response=\"ab\"")]                  // uri missing
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\"")]                         // response missing
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"xyz\"")]      // not hex
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, nc=00000001")] // no cnonce
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, cnonce=\"c\"")] // no nc
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, cnonce=\"c\", nc=1")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, cnonce=\"c\", nc=00000000")]
    [InlineData("Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, cnonce=\"c\", nc=0000000g")]
    public void Rejects_malformed_credentials(string value)
    {
        Assert.False(DigestAuthorization.TryParse(value, out _, out var failure));
        Assert.Equal(DigestParseFailureKind.Malformed, failure.Kind);
    }

    [Fact] // RFC 4475 §3.3.7: the torture message's unknown scheme is reported, not treated as broken Digest
    public void Reports_the_regaut01_scheme_as_unsupported()
    {
        var value = AuthorizationValueOf(File.ReadAllText(Huawu.Testing.SharedData.PathOf("testdata/sip/rfc4475/regaut01.dat")));

        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", value);
        Assert.False(DigestAuthorization.TryParse(value, out _, out var failure));
        Assert.Equal(DigestParseFailureKind.UnsupportedScheme, failure.Kind);
    }

    /// <summary>The test's own header lookup: this folder must not depend on the SIP message parser.</summary>
    internal static string AuthorizationValueOf(string message)
    {
        const string name = "Authorization:";
        var line = message.Split("\r\n").Single(l => l.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        return line[name.Length..].Trim();
    }
}
