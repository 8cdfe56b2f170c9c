using Huawu.Sip.Authentication;
using Huawu.Sip.Headers;
using Huawu.Telephony.Registrar;
using static Huawu.Telephony.Tests.Registrar.RegistrarFixture;

namespace Huawu.Telephony.Tests.Registrar;

/// <summary>RFC 3261 §10.3 steps 3 and 4 with RFC 7616 / RFC 8760 digest, the phone played by <see cref="DigestClient"/>.</summary>
public sealed class RegistrarAuthenticationTests : IDisposable
{
    private readonly RegistrarFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact] // §10.3 step 3, §22.2: no credentials → 401 with SHA-256 and MD5 challenges, SHA-256 first (RFC 8760 §2.4)
    public void A_register_without_credentials_is_challenged_with_SHA_256_then_MD5()
    {
        var phone = _fixture.Phone();

        var response = _fixture.Registrar.HandleRegister(phone.Build(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>")), phone.Source).Build();

        Assert.Equal(401, response.StatusCode);
        Assert.True(response.To.HasTag);
        var challenges = response.GetValues(HeaderId.WwwAuthenticate).Select(v => System.Text.Encoding.UTF8.GetString(v.Span)).ToList();
        Assert.Equal(2, challenges.Count);
        Assert.True(DigestChallenge.TryParse(challenges[0], out var first, out _));
        Assert.True(DigestChallenge.TryParse(challenges[1], out var second, out _));
        Assert.Equal((DigestAlgorithm.Sha256, DigestAlgorithm.Md5), (first.Algorithm, second.Algorithm));
        Assert.Equal(Domain, first.Realm);
        Assert.Equal([DigestQop.Auth], first.QopOptions);
        Assert.Empty(_fixture.Registrar.GetContacts("1001"));
    }

    [Theory] // RFC 7616 §3.4 answered by a phone that knows both, and by an MD5-only phone (RFC 2617 style)
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public void Challenge_answered_by_the_phone_registers_the_contact(string algorithm)
    {
        var phone = new TestPhone("1001", "secret-1001", acceptChallenge: c => c.Contains("algorithm=" + algorithm + ",", StringComparison.Ordinal));

        var response = phone.Register(_fixture.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7:5060>"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(algorithm == "MD5" ? DigestAlgorithm.Md5 : DigestAlgorithm.Sha256, phone.LastChallenge!.Algorithm);
        var binding = Assert.Single(_fixture.Registrar.GetContacts("1001"));
        Assert.Equal("sip:1001@198.51.100.7:5060", binding.ContactUri);
        Assert.Equal(RegistrationEventKind.Registered, Assert.Single(_fixture.Events).Kind);
    }

    [Fact] // RFC 7616 §3.3: right password, expired nonce → 401 stale=true, and the phone gets through without its user
    public void An_expired_nonce_with_the_right_password_is_challenged_as_stale()
    {
        var phone = _fixture.Phone();
        Assert.Equal(200, phone.Register(_fixture.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>")).StatusCode);
        _fixture.Time.Advance(TimeSpan.FromMinutes(6));

        var response = _fixture.Registrar.HandleRegister(phone.Build(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>"), phone.Preemptive()), phone.Source).Build();

        Assert.Equal(401, response.StatusCode);
        Assert.All(response.GetValues(HeaderId.WwwAuthenticate), v =>
            Assert.True(DigestChallenge.TryParse(System.Text.Encoding.UTF8.GetString(v.Span), out var challenge, out _) && challenge.Stale));
        var retry = _fixture.Registrar.HandleRegister(phone.Build(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>"), phone.Answer(response)), phone.Source).Build();
        Assert.Equal(200, retry.StatusCode);
    }

    [Fact] // Pre-emptive credentials with the next nc are accepted; the same nc again is a replay and is challenged
    public void Preemptive_credentials_are_accepted_once_and_a_replay_is_challenged()
    {
        var phone = _fixture.Phone();
        Assert.Equal(200, phone.Register(_fixture.Registrar).StatusCode);
        var credentials = phone.Preemptive();

        var first = _fixture.Registrar.HandleRegister(phone.Build(authorization: credentials), phone.Source).Build();
        var replay = _fixture.Registrar.HandleRegister(phone.Build(authorization: credentials), phone.Source).Build();

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(401, replay.StatusCode);
    }

    [Fact] // Policy (see ExtensionAuthenticator): a digest checked and found wrong is refused for good with 403
    public void A_wrong_password_is_forbidden_after_the_digest_is_checked()
    {
        var phone = _fixture.Phone("1001", "not-the-password");

        var response = phone.Register(_fixture.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>"));

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_fixture.Registrar.GetContacts("1001"));
    }

    [Fact] // No enumeration: an unknown user is challenged like any other, then refused exactly like a wrong password
    public void An_unknown_user_is_challenged_then_forbidden_like_a_wrong_password()
    {
        var phone = _fixture.Phone("4040", "whatever");

        var first = _fixture.Registrar.HandleRegister(phone.Build(), phone.Source).Build();
        var second = _fixture.Registrar.HandleRegister(phone.Build(authorization: phone.Answer(first)), phone.Source).Build();

        Assert.Equal(401, first.StatusCode);
        Assert.Equal(403, second.StatusCode);
        Assert.Equal("Wrong Credentials", second.ReasonPhrase);
    }

    [Fact] // §10.3 step 4: the authenticated user may modify only its own address-of-record
    public void An_extension_cannot_register_contacts_for_another_extension()
    {
        var phone = _fixture.Phone("1001");

        var response = phone.Register(_fixture.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:attacker@203.0.113.9>"), toUser: "1002");

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_fixture.Registrar.GetContacts("1002"));
    }

    [Fact] // RFC 2617 §3.2.2.5: credentials computed for another Request-URI are not spent on this one
    public void Credentials_for_another_request_uri_are_a_bad_request()
    {
        var phone = _fixture.Phone();
        var challenge = _fixture.Registrar.HandleRegister(phone.Build(), phone.Source).Build();
        var digest = new DigestClient("1001", "secret-1001");
        var elsewhere = digest.Respond(
            challenge.GetValues(HeaderId.WwwAuthenticate).Select(v => System.Text.Encoding.UTF8.GetString(v.Span)), "REGISTER", "sip:other.example");

        var response = _fixture.Registrar.HandleRegister(phone.Build(authorization: elsewhere.Authorization), phone.Source).Build();

        Assert.Equal(400, response.StatusCode);
    }

    [Fact] // RFC 4475 §3.3.7 "regaut01": an unknown authentication scheme is answered with a fresh challenge
    public void Regaut01_unknown_scheme_is_challenged()
    {
        using var fixture = new RegistrarFixture(domain: "example.com", extraUsers: "j.user");
        var message = Rfc4475.Parse("regaut01");

        var response = fixture.Registrar.HandleRegister(message, Rfc4475.Source).Build();

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(2, response.GetValues(HeaderId.WwwAuthenticate).Count());
        Assert.Empty(fixture.Events);
    }
}
