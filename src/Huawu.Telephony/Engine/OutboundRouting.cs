using System.Globalization;
using Huawu.Sip.Authentication;
using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Sip.Uris;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Legs;
using Huawu.Telephony.Registrar;
using Huawu.Telephony.Signaling;
using Huawu.Telephony.Trunks;

namespace Huawu.Telephony.Engine;

/// <summary>
/// Where an <see cref="OriginateRequest"/> goes: one INVITE through a trunk, one to a SIP URI, or one per registered
/// phone of an extension. A request that cannot be routed fails before any call exists.
/// </summary>
internal sealed class OutboundRouting
{
    private const string DefaultCaller = "huawu";

    private readonly TelephonyOptions _options;
    private readonly SipRegistrar _registrar;
    private readonly Func<string, TrunkStatus?> _trunkStatus;

    public OutboundRouting(TelephonyOptions options, SipRegistrar registrar, Func<string, TrunkStatus?> trunkStatus)
    {
        _options = options;
        _registrar = registrar;
        _trunkStatus = trunkStatus;
    }

    /// <summary>The legs to start, or the failure that stops the call before it starts.</summary>
    public IReadOnlyList<OutboundTarget> Resolve(OriginateRequest request, out OriginateResult? failure)
    {
        failure = null;
        if (request.Trunk is { } trunk) return ThroughTrunk(request, trunk, out failure);
        if (request.Destination.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || request.Destination.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            return ToUri(request, out failure);
        }
        return ToExtension(request, out failure);
    }

    private List<OutboundTarget> ThroughTrunk(OriginateRequest request, string name, out OriginateResult? failure)
    {
        failure = null;
        var trunk = _options.Trunks.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (trunk is null)
        {
            failure = OriginateResult.Failed(HangupCause.ExchangeRoutingError, null, $"no trunk is named '{name}'");
            return [];
        }
        if (_trunkStatus(trunk.Name) is { IsUsable: false })
        {
            failure = OriginateResult.Failed(HangupCause.NetworkOutOfOrder, null, $"trunk '{trunk.Name}' is down (keepalives unanswered)");
            return [];
        }
        var host = TrunkClientOptions.UriHost(trunk.Host);
        var port = trunk.Port.ToString(CultureInfo.InvariantCulture);
        var transport = trunk.Transport == SipTransportKind.Tcp ? ";transport=tcp" : "";
        var caller = request.CallerId ?? trunk.CallerId ?? trunk.Username ?? DefaultCaller;
        // RFC 3261 §22.2: the stack answers the carrier's 401/407 with the trunk's account, in the same transaction.
        var credentials = string.IsNullOrEmpty(trunk.Username) ? null : new DigestClient(trunk.Username, trunk.Password ?? "");
        return
        [
            new OutboundTarget(
                $"sip:{request.Destination}@{host}:{port}{transport}",
                SipAddresses.NameAddr($"sip:{caller}@{host}", request.CallerName),
                $"<sip:{request.Destination}@{host}>",
                request.Destination,
                caller,
                trunk.Name,
                new SipSendOptions { Credentials = credentials }),
        ];
    }

    private List<OutboundTarget> ToUri(OriginateRequest request, out OriginateResult? failure)
    {
        failure = null;
        if (!SipUri.TryParse(request.Destination, out var uri))
        {
            failure = OriginateResult.Failed(HangupCause.InvalidNumberFormat, null, $"'{request.Destination}' is not a SIP URI");
            return [];
        }
        var caller = request.CallerId ?? DefaultCaller;
        return
        [
            new OutboundTarget(
                request.Destination,
                SipAddresses.NameAddr($"sip:{caller}@{_options.Sip.Domain}", request.CallerName),
                "<" + request.Destination + ">",
                SipAddresses.PartyOf(uri),
                caller,
                null,
                SipSendOptions.Default),
        ];
    }

    /// <summary>Every phone the extension has registered, best first (RFC 3261 §16.6: q, then recency).</summary>
    private List<OutboundTarget> ToExtension(OriginateRequest request, out OriginateResult? failure)
    {
        failure = null;
        var extension = request.Destination;
        if (!_options.Extensions.Exists(e => e.Number == extension))
        {
            failure = OriginateResult.Failed(HangupCause.UnallocatedNumber, null, $"no extension '{extension}' and no trunk given");
            return [];
        }
        var contacts = _registrar.GetContacts(extension);
        if (contacts.Count == 0)
        {
            failure = OriginateResult.Failed(HangupCause.NoUserResponse, null, $"extension {extension} has no phone registered");
            return [];
        }
        var caller = request.CallerId ?? DefaultCaller;
        var from = SipAddresses.NameAddr($"sip:{caller}@{_options.Sip.Domain}", request.CallerName);
        var to = $"<sip:{extension}@{_options.Sip.Domain}>";
        return [.. contacts.Select(contact => new OutboundTarget(contact.ContactUri, from, to, extension, caller, null, new SipSendOptions { Destination = PathTo(contact) }))];
    }

    /// <summary>A phone behind NAT is reached where its REGISTER came from, not at the Contact it claims (RFC 5626 §5).</summary>
    private static string? PathTo(ContactBinding contact)
    {
        if (!contact.IsBehindNat) return null;
        var source = contact.Source;
        var transport = source.Transport == TransportProtocol.Tcp ? ";transport=tcp" : "";
        var host = source.HostAddress();
        var hostText = host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + host + "]" : host.ToString();
        return $"sip:{hostText}:{source.EndPoint.Port.ToString(CultureInfo.InvariantCulture)}{transport}";
    }
}
