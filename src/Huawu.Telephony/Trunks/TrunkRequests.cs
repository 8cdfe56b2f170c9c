using System.Globalization;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Trunks;

/// <summary>The out-of-dialog requests we send a trunk: REGISTER (RFC 3261 §10.2) and OPTIONS (§11.1).</summary>
internal sealed class TrunkRequests
{
    private readonly TrunkOptions _trunk;
    private readonly TrunkClientOptions _options;
    private readonly string _transportParameter;

    public TrunkRequests(TrunkOptions trunk, TrunkClientOptions options)
    {
        _trunk = trunk;
        _options = options;
        _transportParameter = trunk.Transport == SipTransportKind.Tcp ? ";transport=tcp" : "";
        var host = TrunkClientOptions.UriHost(trunk.Host);
        // §10.2: the Request-URI names the registrar's domain, without user part; the port and transport say where.
        RequestUri = $"sip:{host}:{trunk.Port.ToString(CultureInfo.InvariantCulture)}{_transportParameter}";
        AddressOfRecord = $"sip:{User}@{host}";
        ContactUri = $"sip:{User}@{TrunkClientOptions.UriHost(options.LocalHost)}:{options.LocalPort.ToString(CultureInfo.InvariantCulture)}{_transportParameter}";
    }

    public string RequestUri { get; }

    /// <summary>§10.2: To and From carry the address-of-record being registered: the trunk account at the carrier.</summary>
    public string AddressOfRecord { get; }

    /// <summary>Where the carrier sends our inbound calls.</summary>
    public string ContactUri { get; }

    private string User => string.IsNullOrEmpty(_trunk.Username) ? "huawu" : _trunk.Username;

    /// <summary>
    /// A REGISTER asking for <paramref name="expires"/> seconds (0 removes the binding, §10.2.2). §10.2: one Call-ID
    /// for all registrations of a boot cycle, the CSeq rising by one each time.
    /// </summary>
    public SipMessageBuilder Register(string callId, uint cseq, int expires, DigestCredentials? credentials)
    {
        var seconds = expires.ToString(CultureInfo.InvariantCulture);
        var request = Common(SipMethod.Register, AddressOfRecord, callId, cseq)
            .AddHeader(HeaderId.Contact, "<" + ContactUri + ">" + (expires == 0 ? ";expires=0" : ""))
            .AddHeader(HeaderId.Expires, seconds);
        if (credentials is { } answer) request.AddHeader(answer.Header, answer.Value);
        return request;
    }

    /// <summary>An OPTIONS keepalive (§11): any response at all proves the trunk reachable.</summary>
    public SipMessageBuilder Options() =>
        Common(SipMethod.Options, $"sip:{TrunkClientOptions.UriHost(_trunk.Host)}", SipIdentifiers.NewCallId(_options.LocalHost), 1)
            .AddHeader(HeaderId.Accept, "application/sdp");

    private SipMessageBuilder Common(SipMethod method, string to, string callId, uint cseq) =>
        SipMessageBuilder.CreateRequest(method, RequestUri)
            .AddMaxForwards()
            .AddAddress(HeaderId.To, to)
            .AddAddress(HeaderId.From, method == SipMethod.Register ? AddressOfRecord : $"sip:{User}@{TrunkClientOptions.UriHost(_options.LocalHost)}", tag: SipIdentifiers.NewTag())
            .AddCallId(callId)
            .AddCSeq(cseq, method)
            .AddHeader(HeaderId.UserAgent, _options.UserAgent);
}

/// <summary>An answer to a digest challenge: which header carries it (Authorization or Proxy-Authorization) and its value.</summary>
public readonly record struct DigestCredentials(HeaderId Header, string Value);
