using Huawu.Sip.Authentication;

namespace Huawu.Sip.Tests.Authentication;

public class DigestChallengeTests
{
    [Fact] // RFC 7616 §3.9.1: the SHA-256 challenge, folded over lines as in the RFC
    public void Parses_the_RFC_7616_challenge()
    {
        const string value = "Digest\r\n    realm=\"http-auth@example.org\",\r\n    qop=\"auth, auth-int\",\r\n"
            + "    algorithm=SHA-256,\r\n    nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n"
            + "    opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

        Assert.True(DigestChallenge.TryParse(value, out var challenge, out _));
        Assert.Equal("http-auth@example.org", challenge.Realm);
        Assert.Equal("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", challenge.Nonce);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", challenge.Opaque);
        Assert.Equal(DigestAlgorithm.Sha256, challenge.Algorithm);
        Assert.Equal([DigestQop.Auth, DigestQop.AuthInt], challenge.QopOptions);
        Assert.False(challenge.Stale);
    }

    [Fact] // RFC 7616 §3.3: names and algorithm/stale values are case-insensitive; RFC 3261 §25.1 quoted-pairs
    public void Names_are_case_insensitive_and_quoted_pairs_are_unescaped()
    {
        const string value = "digest REALM=\"sip \\\"trunk\\\" \\\\ one\", Nonce=abc123, ALGORITHM=md5-SESS, QOP=\"AUTH\", Stale=TRUE";

        Assert.True(DigestChallenge.TryParse(value, out var challenge, out _));
        Assert.Equal("sip \"trunk\" \\ one", challenge.Realm);
        Assert.Equal("abc123", challenge.Nonce);
        Assert.Equal(DigestAlgorithm.Md5Sess, challenge.Algorithm);
        Assert.Equal([DigestQop.Auth], challenge.QopOptions);
        Assert.True(challenge.Stale);
    }

    [Fact] // RFC 2617 §3.2.1: without algorithm the challenge means MD5, without qop it is RFC 2069 style
    public void Missing_algorithm_means_MD5_and_missing_qop_means_legacy()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"biloxi.com\", nonce=\"n\"", out var challenge, out _));
        Assert.Equal(DigestAlgorithm.Md5, challenge.Algorithm);
        Assert.False(challenge.AlgorithmStated);
        Assert.Empty(challenge.QopOptions);
    }

    [Fact]
    public void Serializes_to_a_value_that_parses_back_the_same()
    {
        var original = new DigestChallenge
        {
            Realm = "a \"quoted\" realm",
            Nonce = "n0nce",
            Opaque = "op\\aque",
            Algorithm = DigestAlgorithm.Sha256Sess,
            QopOptions = [DigestQop.Auth, DigestQop.AuthInt],
            Stale = true,
        };

        var text = original.ToString();

        Assert.StartsWith("Digest realm=\"a \\\"quoted\\\" realm\"", text, StringComparison.Ordinal);
        Assert.Contains("algorithm=SHA-256-sess", text, StringComparison.Ordinal);
        Assert.Contains("qop=\"auth,auth-int\"", text, StringComparison.Ordinal);
        Assert.True(DigestChallenge.TryParse(text, out var parsed, out _));
        Assert.Equal(original.Realm, parsed.Realm);
        Assert.Equal(original.Nonce, parsed.Nonce);
        Assert.Equal(original.Opaque, parsed.Opaque);
        Assert.Equal(original.Algorithm, parsed.Algorithm);
        Assert.Equal(original.QopOptions, parsed.QopOptions);
        Assert.True(parsed.Stale);
    }

    [Theory]
    [InlineData("Digest", DigestParseFailureKind.Malformed)]                                  // no parameters
    [InlineData("Digest realm=\"r\"", DigestParseFailureKind.Malformed)]                      // nonce missing
    [InlineData("Digest nonce=\"n\"", DigestParseFailureKind.Malformed)]                      // realm missing
    [InlineData("Digest realm=\"r, nonce=\"n\"", DigestParseFailureKind.Malformed)]           // the quote swallows "nonce=", leaving junk
    [InlineData("Digest realm=\"r\" nonce=\"n\"", DigestParseFailureKind.Malformed)]          // comma missing
    [InlineData("Digest realm=\"r\", realm=\"s\", nonce=\"n\"", DigestParseFailureKind.Malformed)] // duplicate
    [InlineData("Digest realm, nonce=\"n\"", DigestParseFailureKind.Malformed)]               // no '='
    [InlineData("Digest realm=, nonce=\"n\"", DigestParseFailureKind.Malformed)]              // empty token value
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256", DigestParseFailureKind.Unsupported)]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth-conf\"", DigestParseFailureKind.Unsupported)]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess", DigestParseFailureKind.Unsupported)] // -sess needs qop
    [InlineData("Basic realm=\"r\"", DigestParseFailureKind.UnsupportedScheme)]
    [InlineData("Digestrealm=\"r\", nonce=\"n\"", DigestParseFailureKind.Malformed)]          // scheme not followed by space
    [InlineData("", DigestParseFailureKind.Malformed)]
    public void Rejects_bad_challenges_with_a_reason(string value, DigestParseFailureKind kind)
    {
        Assert.False(DigestChallenge.TryParse(value, out var challenge, out var failure));
        Assert.Null(challenge);
        Assert.Equal(kind, failure.Kind);
        Assert.False(string.IsNullOrEmpty(failure.Reason));
    }

    [Fact] // RFC 3261 §25.1: a quoted-string needs its closing DQUOTE; a trailing "\" escapes nothing
    public void Unterminated_quoted_string_is_malformed()
    {
        Assert.False(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"abc\\", out _, out var failure));
        Assert.Equal(DigestParseFailureKind.Malformed, failure.Kind);
    }

    [Fact] // RFC 8760 §2.4: with SHA-256 and MD5 on offer, the UAC uses SHA-256
    public void Chooses_SHA_256_over_MD5_regardless_of_order()
    {
        string[] values =
        [
            "Digest realm=\"r\", nonce=\"md5\", algorithm=MD5, qop=\"auth\"",
            "Bearer realm=\"r\"",
            "Digest realm=\"r\", nonce=\"unknown\", algorithm=SHA-512-256, qop=\"auth\"",
            "Digest realm=\"r\", nonce=\"sha\", algorithm=SHA-256, qop=\"auth\"",
            "Digest realm=\"r\", nonce=\"sha-later\", algorithm=SHA-256, qop=\"auth\"",
        ];

        var chosen = DigestChallenge.ChooseStrongest(values);

        Assert.NotNull(chosen);
        Assert.Equal("sha", chosen.Nonce); // the first of the strongest: the server's preference
    }

    [Fact]
    public void Chooses_nothing_when_no_challenge_is_usable()
    {
        Assert.Null(DigestChallenge.ChooseStrongest(["NoOneKnowsThisScheme opaque-data=here", "Digest realm=\"r\""]));
    }
}
