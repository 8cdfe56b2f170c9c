using System.Net;
using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;
using Huawu.Sip.Transport;
using Huawu.Telephony.Registrar;

namespace Huawu.Telephony.Tests.Registrar;

/// <summary>
/// A SIP phone as a registrar sees one: REGISTERs built with <see cref="SipMessageBuilder"/>, one Call-ID and a
/// rising CSeq per boot (RFC 3261 §10.2), digest answers from the real <see cref="DigestClient"/>.
/// </summary>
internal sealed class TestPhone
{
    private readonly DigestClient _digest;
    private readonly string _user;
    private readonly string _domain;
    private readonly Func<string, bool> _acceptChallenge;

    public TestPhone(string user, string password, string domain = RegistrarFixture.Domain, Func<string, bool>? acceptChallenge = null)
    {
        _user = user;
        _domain = domain;
        _digest = new DigestClient(user, password);
        _acceptChallenge = acceptChallenge ?? (_ => true);
    }

    public string CallId { get; set; } = SipIdentifiers.NewCallId("phone.example");

    public uint CSeq { get; set; } = 1;

    public SipEndPoint Source { get; set; } = new(TransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5060));

    /// <summary>The last challenge this phone answered.</summary>
    public DigestChallenge? LastChallenge { get; private set; }

    public string RequestUri => "sip:" + _domain;

    /// <summary>A REGISTER for this phone's address-of-record; <paramref name="configure"/> adds Contact, Expires and so on.</summary>
    public SipMessage Build(Action<SipMessageBuilder>? configure = null, string? authorization = null, string? toUser = null)
    {
        var builder = SipMessageBuilder.CreateRequest(SipMethod.Register, RequestUri)
            .AddVia(TransportProtocol.Udp, "198.51.100.7", 5060, SipIdentifiers.NewBranch(), requestRport: true)
            .AddMaxForwards()
            .AddAddress(HeaderId.To, $"sip:{toUser ?? _user}@{_domain}")
            .AddAddress(HeaderId.From, $"sip:{_user}@{_domain}", tag: SipIdentifiers.NewTag())
            .AddCallId(CallId)
            .AddCSeq(CSeq++, SipMethod.Register)
            .AddHeader(HeaderId.UserAgent, "TestPhone/1.0");
        configure?.Invoke(builder);
        if (authorization is not null) builder.AddHeader(HeaderId.Authorization, authorization);
        return builder.Build();
    }

    /// <summary>Sends a REGISTER; on a 401 answers the challenge once and sends again. Returns the final response.</summary>
    public SipMessage Register(SipRegistrar registrar, Action<SipMessageBuilder>? configure = null, string? toUser = null)
    {
        var response = registrar.HandleRegister(Build(configure, toUser: toUser), Source).Build();
        if (response.StatusCode != 401) return response;
        var authorization = Answer(response);
        return registrar.HandleRegister(Build(configure, authorization, toUser), Source).Build();
    }

    /// <summary>The Authorization value for a 401, from the challenges this phone accepts.</summary>
    public string Answer(SipMessage challenge)
    {
        var offers = challenge.GetValues(HeaderId.WwwAuthenticate).Select(v => Encoding.UTF8.GetString(v.Span)).Where(_acceptChallenge).ToList();
        LastChallenge = DigestChallenge.ChooseStrongest(offers);
        var result = _digest.Respond(offers, "REGISTER", RequestUri);
        Assert.True(result.IsAuthorized, $"the phone could not answer: {result.Status}");
        return result.Authorization!;
    }

    /// <summary>Credentials sent up front with the nonce of the last challenge and the next nc (RFC 3261 §22.3).</summary>
    public string Preemptive() =>
        _digest.TryAuthorize(LastChallenge!.Realm, "REGISTER", RequestUri, out var authorization) ? authorization : throw new InvalidOperationException("no nonce yet");

    public static SipMessage Parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
        Assert.True(SipParser.TryParse(bytes, out var message, out var error), error.Reason);
        return message;
    }
}
