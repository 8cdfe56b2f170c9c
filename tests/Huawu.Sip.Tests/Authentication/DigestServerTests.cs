using Huawu.Sip.Authentication;
using Huawu.Testing;

namespace Huawu.Sip.Tests.Authentication;

public class DigestServerTests
{
    private const string Realm = "huawu.example";
    private const string RegisterUri = "sip:huawu.example";
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private readonly ManualTimeProvider _time = new();

    [Theory] // RFC 7616 §3.4 with RFC 8760's SHA-256 in SIP: each algorithm round-trips client ↔ server
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Md5Sess)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    public void Client_and_server_agree_for_every_algorithm(DigestAlgorithm algorithm)
    {
        var server = CreateServer(algorithm);
        var client = new DigestClient("alice", "secret");

        var authorization = Answer(client, server.CreateChallenges());
        var result = server.Verify(authorization, "REGISTER", AlicesPassword);

        Assert.Equal(DigestVerificationStatus.Authenticated, result.Status);
        Assert.True(result.IsAuthenticated);
        Assert.Equal("alice", result.Username);
        Assert.Equal(algorithm, Parse(authorization).Algorithm);
    }

    [Fact] // RFC 8760 §2.4: challenges are listed in preference order, SHA-256 first, qop="auth"
    public void Challenges_offer_SHA_256_first_with_one_shared_fresh_nonce()
    {
        var server = CreateServer();

        var challenges = server.CreateChallenges();
        var next = server.CreateChallenges();

        Assert.Equal(2, challenges.Count);
        Assert.True(DigestChallenge.TryParse(challenges[0], out var first, out _));
        Assert.True(DigestChallenge.TryParse(challenges[1], out var second, out _));
        Assert.Equal(DigestAlgorithm.Sha256, first.Algorithm);
        Assert.Equal(DigestAlgorithm.Md5, second.Algorithm);
        Assert.Equal(first.Nonce, second.Nonce);
        Assert.Equal([DigestQop.Auth], first.QopOptions);
        Assert.Equal(Realm, first.Realm);
        Assert.False(first.Stale);
        Assert.True(DigestChallenge.TryParse(next[0], out var later, out _));
        Assert.NotEqual(first.Nonce, later.Nonce);
    }

    [Fact] // RFC 7616 §3.9.1 vector: right digest but a nonce this server never issued → stale, never "ok"
    public void Accepts_the_RFC_7616_digest_but_calls_the_foreign_nonce_stale()
    {
        var server = new DigestServer(new DigestServerOptions { Realm = "http-auth@example.org", Secret = Secret }, _time);
        const string value = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", "
            + "algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
            + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
            + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
            + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

        Assert.Equal(DigestVerificationStatus.StaleNonce, server.Verify(value, "GET", _ => DigestCredential.FromPassword("Circle of Life")).Status);
        Assert.Equal(DigestVerificationStatus.InvalidCredentials, server.Verify(value, "GET", _ => DigestCredential.FromPassword("Circle Of Life")).Status);
    }

    [Fact] // RFC 7616 §3.3: after the lifetime the right password earns stale=true, and the retry succeeds
    public void Expired_nonce_is_stale_and_the_client_recovers()
    {
        var server = CreateServer();
        var client = new DigestClient("alice", "secret");
        Answer(client, server.CreateChallenges());

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));
        Assert.True(client.TryAuthorize(Realm, "REGISTER", RegisterUri, out var late));
        var result = server.Verify(late, "REGISTER", AlicesPassword);

        Assert.Equal(DigestVerificationStatus.StaleNonce, result.Status);
        var staleChallenges = server.CreateChallenges(stale: true);
        Assert.All(staleChallenges, c => Assert.Contains("stale=TRUE", c, StringComparison.Ordinal));
        var retry = client.Respond(staleChallenges, "REGISTER", RegisterUri);
        Assert.True(retry.IsAuthorized);
        Assert.Equal(DigestVerificationStatus.Authenticated, server.Verify(retry.Authorization!, "REGISTER", AlicesPassword).Status);
    }

    [Fact]
    public void Nonce_within_its_lifetime_is_honoured()
    {
        var server = CreateServer();
        var client = new DigestClient("alice", "secret");
        Answer(client, server.CreateChallenges());

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(client.TryAuthorize(Realm, "REGISTER", RegisterUri, out var onTime));

        Assert.Equal(DigestVerificationStatus.Authenticated, server.Verify(onTime, "REGISTER", AlicesPassword).Status);
    }

    [Fact] // RFC 2617 §3.2.2: the same nc seen twice for one nonce is a replay
    public void Replayed_request_is_detected()
    {
        var server = CreateServer();
        var authorization = Answer(new DigestClient("alice", "secret"), server.CreateChallenges());

        Assert.Equal(DigestVerificationStatus.Authenticated, server.Verify(authorization, "REGISTER", AlicesPassword).Status);
        var replay = server.Verify(authorization, "REGISTER", AlicesPassword);

        Assert.Equal(DigestVerificationStatus.Replayed, replay.Status);
        Assert.False(replay.IsAuthenticated);
    }

    [Fact] // RFC 7616 §3.4: nc may arrive out of order over UDP; each value is still accepted once
    public void Reordered_nonce_counts_pass_once_each()
    {
        var server = CreateServer();
        var client = new DigestClient("alice", "secret");
        var first = Answer(client, server.CreateChallenges());
        client.TryAuthorize(Realm, "REGISTER", RegisterUri, out var second);
        client.TryAuthorize(Realm, "REGISTER", RegisterUri, out var third);

        Assert.True(server.Verify(third!, "REGISTER", AlicesPassword).IsAuthenticated);
        Assert.True(server.Verify(first, "REGISTER", AlicesPassword).IsAuthenticated);
        Assert.True(server.Verify(second!, "REGISTER", AlicesPassword).IsAuthenticated);
        Assert.Equal(DigestVerificationStatus.Replayed, server.Verify(second!, "REGISTER", AlicesPassword).Status);
    }

    [Fact]
    public void Wrong_password_and_unknown_user_are_invalid_credentials()
    {
        var server = CreateServer();
        var wrong = Answer(new DigestClient("alice", "guess"), server.CreateChallenges());
        var stranger = Answer(new DigestClient("mallory", "secret"), server.CreateChallenges());

        Assert.Equal(DigestVerificationStatus.InvalidCredentials, server.Verify(wrong, "REGISTER", AlicesPassword).Status);
        Assert.Equal(DigestVerificationStatus.InvalidCredentials, server.Verify(stranger, "REGISTER", AlicesPassword).Status);
    }

    [Fact] // RFC 7616 §3.4.3: the method is inside HA2, so credentials for REGISTER do not authorize INVITE
    public void Credentials_are_bound_to_the_method()
    {
        var server = CreateServer();
        var authorization = Answer(new DigestClient("alice", "secret"), server.CreateChallenges());

        Assert.Equal(DigestVerificationStatus.InvalidCredentials, server.Verify(authorization, "INVITE", AlicesPassword).Status);
    }

    [Fact]
    public void A_forged_nonce_with_a_valid_looking_format_is_never_accepted()
    {
        var server = CreateServer();
        var otherServer = new DigestServer(new DigestServerOptions { Realm = Realm, Secret = new byte[32] }, _time);
        var authorization = Answer(new DigestClient("alice", "secret"), otherServer.CreateChallenges());

        Assert.Equal(DigestVerificationStatus.StaleNonce, server.Verify(authorization, "REGISTER", AlicesPassword).Status);
    }

    [Fact] // RFC 7616 §5.2: the server may store HA1 instead of the password
    public void Precomputed_HA1_authenticates_per_hash_function()
    {
        var md5Only = DigestCredential.FromHa1(DigestCredential.ComputeHa1(DigestAlgorithm.Md5, "alice", Realm, "secret"), null);
        var sha256Server = CreateServer(DigestAlgorithm.Sha256);
        var md5Server = CreateServer(DigestAlgorithm.Md5Sess);

        var viaMd5Sess = Answer(new DigestClient("alice", "secret"), md5Server.CreateChallenges());
        var viaSha256 = Answer(new DigestClient("alice", "secret"), sha256Server.CreateChallenges());

        Assert.True(md5Server.Verify(viaMd5Sess, "REGISTER", _ => md5Only).IsAuthenticated);
        Assert.Equal(DigestVerificationStatus.InvalidCredentials, sha256Server.Verify(viaSha256, "REGISTER", _ => md5Only).Status);
    }

    [Fact] // RFC 4475 §3.3.7: the registrar must challenge an unknown scheme, not fail
    public void Unknown_scheme_from_regaut01_asks_for_a_challenge()
    {
        var message = File.ReadAllText(SharedData.PathOf("testdata/sip/rfc4475/regaut01.dat"));
        var value = DigestAuthorizationTests.AuthorizationValueOf(message);

        var result = CreateServer().Verify(value, "REGISTER", AlicesPassword);

        Assert.Equal(DigestVerificationStatus.UnsupportedScheme, result.Status);
        Assert.False(result.IsAuthenticated);
    }

    [Theory]
    [InlineData("Digest username=\"alice\"")]
    [InlineData("Digest username=\"alice\", realm=\"huawu.example\", nonce=\"n\", uri=\"sip:x\", response=\"ab\", qop=auth, nc=zz, cnonce=\"c\"")]
    [InlineData("Digest ,,,")]
    [InlineData("Digest username=\"alice")]
    [InlineData("   ")]
    public void Malformed_values_are_reported_not_thrown(string value)
    {
        Assert.Equal(DigestVerificationStatus.Malformed, CreateServer().Verify(value, "REGISTER", AlicesPassword).Status);
    }

    [Theory] // answers to something we never challenged for are refused before any digest is computed
    [InlineData("realm=\"elsewhere\"", "algorithm=SHA-256", "qop=auth, nc=00000001, cnonce=\"c\"")]
    [InlineData("realm=\"huawu.example\"", "algorithm=SHA-256-sess", "qop=auth, nc=00000001, cnonce=\"c\"")]
    [InlineData("realm=\"huawu.example\"", "algorithm=SHA-256", "qop=auth-int, nc=00000001, cnonce=\"c\"")]
    [InlineData("realm=\"huawu.example\"", "algorithm=SHA-256", "userhash=true, qop=auth, nc=00000001, cnonce=\"c\"")]
    [InlineData("realm=\"huawu.example\"", "algorithm=SHA-512-256", "qop=auth, nc=00000001, cnonce=\"c\"")]
    [InlineData("realm=\"huawu.example\"", "algorithm=SHA-256", "opaque=\"no-qop\"")] // RFC 2069 style has no nc to check
    public void Refuses_answers_to_challenges_it_did_not_make(string realm, string algorithm, string rest)
    {
        var server = CreateServer(DigestAlgorithm.Sha256);
        var value = $"Digest username=\"alice\", {realm}, nonce=\"n\", uri=\"sip:x\", response=\"ab\", {algorithm}, {rest}";

        Assert.Equal(DigestVerificationStatus.InvalidCredentials, server.Verify(value, "REGISTER", AlicesPassword).Status);
    }

    [Fact]
    public void Rejects_a_short_secret()
    {
        Assert.Throws<ArgumentException>(() => new DigestServer(new DigestServerOptions { Realm = Realm, Secret = new byte[8] }, _time));
    }

    private static DigestCredential? AlicesPassword(string username) =>
        username == "alice" ? DigestCredential.FromPassword("secret") : null;

    private DigestServer CreateServer(params DigestAlgorithm[] algorithms) => new(
        new DigestServerOptions
        {
            Realm = Realm,
            Secret = Secret,
            Algorithms = algorithms.Length == 0 ? [DigestAlgorithm.Sha256, DigestAlgorithm.Md5] : algorithms,
        },
        _time);

    private static string Answer(DigestClient client, IReadOnlyList<string> challenges)
    {
        var result = client.Respond(challenges, "REGISTER", RegisterUri);
        Assert.True(result.IsAuthorized, result.Status.ToString());
        return result.Authorization!;
    }

    private static DigestAuthorization Parse(string value)
    {
        Assert.True(DigestAuthorization.TryParse(value, out var credentials, out _));
        return credentials;
    }
}
