using Huawu.Sip.Authentication;
using Huawu.Sip.Headers;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Trunks;
using Huawu.Testing;

namespace Huawu.Telephony.Tests.Trunks;

/// <summary>RFC 3261 §10.2 registration with a carrier: challenge, refresh timing, 423, back-off, de-registration.</summary>
public sealed class TrunkRegistrationTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly FakeSipSender _sender;
    private readonly FakeCarrier _carrier;
    private readonly List<TrunkEvent> _events = [];
    private readonly TrunkRegistrationClient _client;

    public TrunkRegistrationTests()
    {
        _sender = new FakeSipSender(_time);
        _carrier = new FakeCarrier(_time);
        var trunk = new TrunkOptions
        {
            Name = "carrier", Host = "carrier.example", Port = 5080, Username = "acct", Password = "pw",
            Register = true, RegisterExpirySeconds = 3600,
        };
        var options = new TrunkClientOptions { LocalHost = "203.0.113.1", LocalPort = 5060 };
        _client = new TrunkRegistrationClient(trunk, options, _sender, _time, _events.Add);
    }

    public void Dispose() => _client.Dispose();

    private TrunkRegistrationChanged LastChange => Assert.IsType<TrunkRegistrationChanged>(_events[^1]);

    [Fact] // §10.2: Request-URI is the registrar's domain; To/From the AOR; Contact where we take calls; Expires asked
    public void The_first_register_names_the_account_and_our_contact()
    {
        _client.Start();

        var register = Assert.Single(_sender.Sent);
        Assert.Equal("sip:carrier.example:5080", register.Message.RequestUri.ToString());
        Assert.Equal("sip:acct@carrier.example", register.Message.To.Uri.ToString());
        Assert.Equal("sip:acct@carrier.example", register.Message.From.Uri.ToString());
        Assert.True(register.Message.From.HasTag);
        Assert.Equal("sip:acct@203.0.113.1:5060", Assert.Single(register.Message.Contacts).Uri.ToString());
        Assert.Equal(3600, register.Message.Expires);
        Assert.Equal(1u, register.Message.CSeq.Number);
        Assert.Null(register.Header(HeaderId.Authorization));
    }

    [Fact] // §22.2: a 401 is answered once with credentials the carrier's DigestServer accepts, same Call-ID, CSeq + 1
    public void A_challenge_is_answered_and_the_registration_granted()
    {
        _client.Start();
        _sender.Last.Respond(401, _carrier.Challenge());

        var retry = _sender.Last;
        Assert.Equal(2, _sender.Sent.Count);
        Assert.Equal(_sender.Sent[0].Message.CallId, retry.Message.CallId);
        Assert.Equal(2u, retry.Message.CSeq.Number);
        Assert.Equal(DigestVerificationStatus.Authenticated, _carrier.Verify(retry.Message, HeaderId.Authorization).Status);
        Assert.Contains("algorithm=SHA-256", retry.Header(HeaderId.Authorization), StringComparison.Ordinal);

        retry.Respond(200, r => r.AddHeader(HeaderId.Contact, "<sip:acct@203.0.113.1:5060>;expires=600"));

        Assert.Equal(TrunkRegistrationState.Registered, _client.State);
        Assert.Equal((TrunkRegistrationState.Registered, 200), (LastChange.State, LastChange.StatusCode));
        Assert.Equal(_time.GetUtcNow().AddSeconds(600), LastChange.Until);
    }

    [Fact] // §22.3: a 407 is answered with Proxy-Authorization
    public void A_proxy_challenge_is_answered_with_proxy_authorization()
    {
        _client.Start();
        _sender.Last.Respond(407, _carrier.Challenge(HeaderId.ProxyAuthenticate));

        Assert.Equal(DigestVerificationStatus.Authenticated, _carrier.Verify(_sender.Last.Message, HeaderId.ProxyAuthorization).Status);
        Assert.Null(_sender.Last.Header(HeaderId.Authorization));
    }

    [Fact] // §10.2.4: the granted time comes from our Contact's expires; the refresh goes at half of it, with credentials up front
    public void The_registration_is_refreshed_at_half_the_granted_time()
    {
        RegisterThroughChallenge(r => r.AddHeader(HeaderId.Contact, "<sip:acct@203.0.113.1:5060>;expires=600").AddHeader(HeaderId.Expires, "900"));

        _time.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(2, _sender.Sent.Count);
        _time.Advance(TimeSpan.FromSeconds(1));

        var refresh = _sender.Last;
        Assert.Equal(3, _sender.Sent.Count);
        Assert.Equal(3u, refresh.Message.CSeq.Number);
        Assert.Equal(DigestVerificationStatus.Authenticated, _carrier.Verify(refresh.Message, HeaderId.Authorization).Status);
        refresh.Respond(200, r => r.AddHeader(HeaderId.Expires, "120"));
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(4, _sender.Sent.Count);
        Assert.Single(_events, e => e is TrunkRegistrationChanged { State: TrunkRegistrationState.Registered });
    }

    [Fact] // A carrier that retired its nonce challenges the refresh; the answer keeps the trunk registered without a blip
    public void A_challenged_refresh_is_answered_without_leaving_registered()
    {
        RegisterThroughChallenge(r => r.AddHeader(HeaderId.Expires, "600"));
        _time.Advance(TimeSpan.FromSeconds(300));

        _sender.Last.Respond(401, _carrier.Challenge());
        Assert.Equal(DigestVerificationStatus.Authenticated, _carrier.Verify(_sender.Last.Message, HeaderId.Authorization).Status);
        _sender.Last.Respond(200, r => r.AddHeader(HeaderId.Expires, "600"));

        Assert.Equal(4, _sender.Sent.Count);
        Assert.Equal(TrunkRegistrationState.Registered, _client.State);
        Assert.DoesNotContain(_events, e => e is TrunkRegistrationChanged { State: TrunkRegistrationState.Failed });
    }

    [Fact] // A failed refresh is reported while the old registration still runs, and retried after the back-off
    public void A_failed_refresh_reports_failure_and_retries()
    {
        RegisterThroughChallenge(r => r.AddHeader(HeaderId.Expires, "600"));
        var until = _time.GetUtcNow().AddSeconds(600);
        _time.Advance(TimeSpan.FromSeconds(300));

        _sender.Last.TimeOut();

        Assert.Equal((TrunkRegistrationState.Failed, (int?)null, until), (LastChange.State, LastChange.StatusCode, LastChange.Until));
        _time.Advance(TimeSpan.FromSeconds(30));
        _sender.Last.Respond(200, r => r.AddHeader(HeaderId.Expires, "600"));
        Assert.Equal(TrunkRegistrationState.Registered, LastChange.State);
    }

    [Fact] // RFC 7616 §3.3: the same nonce challenged again, not stale, means the password was refused: no third try
    public void A_second_challenge_with_the_same_nonce_fails_the_registration()
    {
        _client.Start();
        var challenge = _sender.Last.Respond(401, _carrier.Challenge());

        _sender.Last.Respond(401, FakeCarrier.Repeat(challenge));

        Assert.Equal(2, _sender.Sent.Count);
        Assert.Equal(TrunkRegistrationState.Failed, _client.State);
        Assert.Equal(401, LastChange.StatusCode);
        Assert.Contains("refused", LastChange.Reason, StringComparison.Ordinal);
    }

    [Fact] // RFC 7616 §3.3: stale=true asks for the same password with a fresh nonce, which is answered
    public void A_stale_challenge_is_answered_again()
    {
        _client.Start();
        _sender.Last.Respond(401, _carrier.Challenge());
        _sender.Last.Respond(401, _carrier.Challenge(stale: true));

        Assert.Equal(3, _sender.Sent.Count);
        Assert.Equal(DigestVerificationStatus.Authenticated, _carrier.Verify(_sender.Last.Message, HeaderId.Authorization).Status);
    }

    [Fact] // A carrier with a fresh nonce on every refusal is given up on after the immediate-retry budget
    public void Endless_fresh_challenges_are_bounded()
    {
        _client.Start();
        for (var i = 0; i < 10 && _sender.Last.IsPending; i++) _sender.Last.Respond(401, _carrier.Challenge());

        Assert.Equal(4, _sender.Sent.Count);
        Assert.Equal(TrunkRegistrationState.Failed, _client.State);
    }

    [Fact] // §10.2.8: 423 → retry at once with the Min-Expires the registrar asked for
    public void Interval_too_brief_is_retried_with_min_expires()
    {
        _client.Start();
        _sender.Last.Respond(423, r => r.AddHeader(HeaderId.MinExpires, "7200"));

        Assert.Equal(2, _sender.Sent.Count);
        Assert.Equal(7200, _sender.Last.Message.Expires);
        _sender.Last.Respond(200, r => r.AddHeader(HeaderId.Expires, "7200"));
        Assert.Equal(TrunkRegistrationState.Registered, _client.State);
    }

    [Fact] // A 423 that does not ask for more than we asked cannot be satisfied: failure, not a loop
    public void A_423_without_a_higher_minimum_fails()
    {
        _client.Start();
        _sender.Last.Respond(423, r => r.AddHeader(HeaderId.MinExpires, "60"));

        Assert.Single(_sender.Sent);
        Assert.Equal((TrunkRegistrationState.Failed, 423), (LastChange.State, LastChange.StatusCode));
    }

    [Fact] // Back-off: 30 s, 60 s, 120 s, 240 s, then capped at 5 min, whatever the failure; success resets it
    public void Failures_back_off_doubling_up_to_the_cap()
    {
        _client.Start();
        var start = _time.GetUtcNow();
        _sender.Last.Respond(503);
        foreach (var (wait, fail) in new (int, Action<SentRequest>)[]
        {
            (30, s => s.TimeOut()), (60, s => s.FailTransport()), (120, s => s.Respond(500)), (240, s => s.Respond(403)), (300, s => s.Respond(503)),
        })
        {
            var before = _sender.Sent.Count;
            _time.Advance(TimeSpan.FromSeconds(wait - 1));
            Assert.Equal(before, _sender.Sent.Count);
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(before + 1, _sender.Sent.Count);
            fail(_sender.Last);
        }
        Assert.Equal(start.AddSeconds(30 + 60 + 120 + 240 + 300), _sender.Last.At);
        Assert.Equal(503, LastChange.StatusCode);
        Assert.Equal(TrunkRegistrationState.Failed, LastChange.State);
        Assert.Equal(_time.GetUtcNow().AddSeconds(300), LastChange.NextAttempt);
    }

    [Fact] // §20.33: Retry-After longer than the back-off is honoured
    public void Retry_after_postpones_the_next_attempt()
    {
        _client.Start();
        _sender.Last.Respond(503, r => r.AddHeader(HeaderId.RetryAfter, "120 (maintenance);duration=60"));

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(_sender.Sent);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _sender.Sent.Count);
    }

    [Fact] // §10.2.2: stopping removes the binding with Expires: 0 (and expires=0 on the Contact), with credentials
    public async Task Stop_deregisters_with_expires_zero()
    {
        RegisterThroughChallenge(r => r.AddHeader(HeaderId.Expires, "3600"));

        var stopping = _client.StopAsync();
        var removal = _sender.Last;
        Assert.Equal(0, removal.Message.Expires);
        Assert.Equal("0", Assert.Single(removal.Message.Contacts).Parameters.GetValue("expires"));
        Assert.Equal(DigestVerificationStatus.Authenticated, _carrier.Verify(removal.Message, HeaderId.Authorization).Status);
        Assert.False(stopping.IsCompleted);
        removal.Respond(200);
        await stopping;

        Assert.Equal(TrunkRegistrationState.Unregistered, _client.State);
        Assert.Equal(TrunkRegistrationState.Unregistered, LastChange.State);
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(3, _sender.Sent.Count);
    }

    [Fact] // Nothing to remove before a registration was granted; an exchange in flight is dropped
    public async Task Stop_before_registration_sends_nothing_and_ignores_the_late_answer()
    {
        _client.Start();
        var inFlight = _sender.Last;

        await _client.StopAsync();
        inFlight.Respond(200);

        Assert.Single(_sender.Sent);
        Assert.Equal(TrunkRegistrationState.Unregistered, _client.State);
    }

    private void RegisterThroughChallenge(Action<Huawu.Sip.Building.SipMessageBuilder> grant)
    {
        _client.Start();
        _sender.Last.Respond(401, _carrier.Challenge());
        _sender.Last.Respond(200, grant);
        Assert.Equal(TrunkRegistrationState.Registered, _client.State);
    }
}
