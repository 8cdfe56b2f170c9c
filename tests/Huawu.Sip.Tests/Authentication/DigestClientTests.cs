using System.Text;
using Huawu.Sip.Authentication;

namespace Huawu.Sip.Tests.Authentication;

public class DigestClientTests
{
    private const string Rfc7616Sha256Challenge = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
        + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private const string Rfc7616Md5Challenge = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, "
        + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Fact] // RFC 2617 §3.5: Mufasa / "Circle Of Life" → 6629fae49393a05397450978507c4ef1
    public void Reproduces_the_RFC_2617_example()
    {
        const string challenge = "Digest\r\n realm=\"testrealm@host.com\",\r\n qop=\"auth,auth-int\",\r\n"
            + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        var client = new DigestClient("Mufasa", "Circle Of Life", () => "0a4f113b");

        var result = client.Respond([challenge], "GET", "/dir/index.html");

        var credentials = ParseAuthorized(result);
        Assert.Equal("6629fae49393a05397450978507c4ef1", credentials.Response);
        Assert.Equal(DigestQop.Auth, credentials.Qop);           // auth preferred over auth-int
        Assert.Equal(1u, credentials.NonceCount);
        Assert.Equal("0a4f113b", credentials.Cnonce);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", credentials.Opaque); // RFC 7616 §3.4: opaque echoed
        Assert.False(credentials.AlgorithmStated);               // the challenge left MD5 implicit
        Assert.DoesNotContain("algorithm", result.Authorization, StringComparison.Ordinal);
    }

    [Fact] // RFC 7616 §3.9.1: the SHA-256 example; offered both, the client picks SHA-256 (RFC 8760 §2.4)
    public void Reproduces_the_RFC_7616_SHA_256_example()
    {
        var client = new DigestClient("Mufasa", "Circle of Life", () => Rfc7616Cnonce);

        var result = client.Respond([Rfc7616Md5Challenge, Rfc7616Sha256Challenge], "GET", "/dir/index.html");

        var credentials = ParseAuthorized(result);
        Assert.Equal(DigestAlgorithm.Sha256, credentials.Algorithm);
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", credentials.Response);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", credentials.Opaque);
        Assert.Equal("http-auth@example.org", result.Realm);
    }

    [Fact] // RFC 7616 §3.9.1: the MD5 example
    public void Reproduces_the_RFC_7616_MD5_example()
    {
        var client = new DigestClient("Mufasa", "Circle of Life", () => Rfc7616Cnonce);

        var result = client.Respond([Rfc7616Md5Challenge], "GET", "/dir/index.html");

        var credentials = ParseAuthorized(result);
        Assert.Equal(DigestAlgorithm.Md5, credentials.Algorithm);
        Assert.Equal("8ca523f5e9506fed4657c9700eebdbec", credentials.Response);
    }

    [Fact] // RFC 7616 §3.4.3: auth-int hashes the body into HA2 (expected value computed independently)
    public void Auth_int_covers_the_body_when_it_is_all_that_is_offered()
    {
        var client = new DigestClient("alice", "secret", () => "c0ffee");
        var body = Encoding.UTF8.GetBytes("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n");

        var result = client.Respond(["Digest realm=\"biloxi.com\", nonce=\"abc123\", qop=\"auth-int\""], "INVITE", "sip:bob@biloxi.com", body);

        var credentials = ParseAuthorized(result);
        Assert.Equal(DigestQop.AuthInt, credentials.Qop);
        Assert.Equal("f222401f78f10f64134d1771c6143489", credentials.Response);
    }

    [Fact] // RFC 3261 §22.4 / RFC 2069: a challenge without qop gets a reply without qop, nc or cnonce
    public void Legacy_challenge_without_qop()
    {
        var client = new DigestClient("alice", "secret", () => throw new InvalidOperationException("no cnonce without qop"));

        var result = client.Respond(["Digest realm=\"biloxi.com\", nonce=\"abc123\", algorithm=MD5"], "REGISTER", "sip:biloxi.com");

        var credentials = ParseAuthorized(result);
        Assert.Equal("1d7d6b52388dc096f9b1945de4a74ccf", credentials.Response);
        Assert.Equal(DigestQop.None, credentials.Qop);
        Assert.Null(credentials.Cnonce);
        Assert.DoesNotContain("nc=", result.Authorization, StringComparison.Ordinal);
    }

    [Fact] // RFC 7616 §3.4.2: SHA-256-sess keys the digest with H(HA1:nonce:cnonce)
    public void Sha_256_sess_uses_the_session_key()
    {
        var client = new DigestClient("alice", "secret", () => "c0ffee");

        var result = client.Respond(["Digest realm=\"biloxi.com\", nonce=\"abc123\", algorithm=SHA-256-sess, qop=\"auth\""], "REGISTER", "sip:biloxi.com");

        Assert.Equal("bafe2ac49d2e9c5f8d6f3c720729f8a00c0c63b71e8d0dcb0b6cf6b324974d69", ParseAuthorized(result).Response);
    }

    [Fact] // RFC 7616 §3.4: reusing a nonce, nc counts up and each request gets a fresh cnonce
    public void Reuses_the_realm_nonce_with_increasing_nc()
    {
        var client = new DigestClient("alice", "secret");
        var first = ParseAuthorized(client.Respond(["Digest realm=\"biloxi.com\", nonce=\"abc\", qop=\"auth\""], "REGISTER", "sip:biloxi.com"));

        Assert.True(client.TryAuthorize("biloxi.com", "REGISTER", "sip:biloxi.com", out var second));
        Assert.True(client.TryAuthorize("biloxi.com", "INVITE", "sip:bob@biloxi.com", out var third));
        Assert.False(client.TryAuthorize("atlanta.com", "INVITE", "sip:bob@biloxi.com", out _));

        var secondCredentials = Parse(second);
        var thirdCredentials = Parse(third);
        Assert.Equal([1u, 2u, 3u], new[] { first.NonceCount, secondCredentials.NonceCount, thirdCredentials.NonceCount });
        Assert.Equal("abc", thirdCredentials.Nonce);
        Assert.Equal("sip:bob@biloxi.com", thirdCredentials.Uri);
        Assert.Equal(3, new[] { first.Cnonce, secondCredentials.Cnonce, thirdCredentials.Cnonce }.Distinct().Count());
        Assert.Equal(32, first.Cnonce!.Length); // 128 random bits in hex
    }

    [Fact] // RFC 7616 §3.3: stale=true means the password was right; retry with the new nonce and nc from 1
    public void Stale_challenge_restarts_with_the_new_nonce()
    {
        var client = new DigestClient("alice", "secret");
        client.Respond(["Digest realm=\"biloxi.com\", nonce=\"old\", qop=\"auth\""], "REGISTER", "sip:biloxi.com");
        client.TryAuthorize("biloxi.com", "REGISTER", "sip:biloxi.com", out _);

        var retry = ParseAuthorized(client.Respond(["Digest realm=\"biloxi.com\", nonce=\"new\", qop=\"auth\", stale=true"], "REGISTER", "sip:biloxi.com"));

        Assert.Equal("new", retry.Nonce);
        Assert.Equal(1u, retry.NonceCount);
    }

    [Fact] // RFC 7616 §3.3: the same nonce challenged again without stale → the password is wrong; stop
    public void Same_nonce_again_without_stale_means_rejected_credentials()
    {
        var client = new DigestClient("alice", "wrong");
        const string challenge = "Digest realm=\"biloxi.com\", nonce=\"abc\", qop=\"auth\"";
        Assert.True(client.Respond([challenge], "REGISTER", "sip:biloxi.com").IsAuthorized);

        var again = client.Respond([challenge], "REGISTER", "sip:biloxi.com");

        Assert.Equal(DigestClientStatus.CredentialsRejected, again.Status);
        Assert.Null(again.Authorization);
        Assert.False(client.TryAuthorize("biloxi.com", "REGISTER", "sip:biloxi.com", out _)); // the bad nonce is forgotten
    }

    [Fact]
    public void Reports_when_no_challenge_can_be_answered()
    {
        var client = new DigestClient("alice", "secret");

        var result = client.Respond(["NoOneKnowsThisScheme opaque-data=here", "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256"], "REGISTER", "sip:r");

        Assert.Equal(DigestClientStatus.NoSupportedChallenge, result.Status);
        Assert.False(result.IsAuthorized);
    }

    private static DigestAuthorization ParseAuthorized(DigestClientResult result)
    {
        Assert.Equal(DigestClientStatus.Authorized, result.Status);
        Assert.NotNull(result.Authorization);
        return Parse(result.Authorization);
    }

    private static DigestAuthorization Parse(string value)
    {
        Assert.True(DigestAuthorization.TryParse(value, out var credentials, out var failure), failure.Reason);
        return credentials;
    }
}
