using System.Net;
using Huawu.Sip.Transport;
using Huawu.Sip.Uris;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Diagnostics;

namespace Huawu.Telephony.Transfers;

/// <summary>
/// Reads a transfer's target: a SIP URI at another host is called as it is; one at this node (its domain, or an
/// address and port it listens on) and a bare name or number are this node's: a diagnostic extension, a local
/// extension, else a number dialled through the party's trunk (or the first configured).
/// </summary>
internal sealed class TransferDestinations
{
    private const int DefaultSipPort = 5060;

    private readonly TelephonyOptions _options;
    private readonly DiagnosticExtensions _diagnostics;
    private readonly Func<IReadOnlyList<SipEndPoint>> _listeners;

    public TransferDestinations(TelephonyOptions options, DiagnosticExtensions diagnostics, Func<IReadOnlyList<SipEndPoint>> listeners)
    {
        _options = options;
        _diagnostics = diagnostics;
        _listeners = listeners;
    }

    /// <summary>The destination of <paramref name="target"/> for <paramref name="party"/>, whose number the callee sees.</summary>
    public TransferDestination Resolve(string target, ICall party)
    {
        if (!target.Contains(':', StringComparison.Ordinal)) return Local(target, target, party);
        if (!SipUri.TryParse(target, out var uri) || !uri.IsSip)
        {
            return new TransferDestination.Unroutable(target, HangupCause.InvalidNumberFormat, $"'{target}' is not a SIP URI");
        }
        if (IsThisNode(uri) && uri.User is { } user) return Local(target, user, party);
        return new TransferDestination.Dial(target, new OriginateRequest(target) { CallerId = NumberOf(party) });
    }

    private TransferDestination Local(string name, string user, ICall party)
    {
        if (_diagnostics.TryGetHandler(user, out var handler)) return new TransferDestination.Diagnostic(name, handler);
        if (_options.Extensions.Exists(e => e.Number == user))
        {
            return new TransferDestination.Dial(name, new OriginateRequest(user)
            {
                CallerId = NumberOf(party),
                RingTimeout = TimeSpan.FromSeconds(_options.Calls.ExtensionRingSeconds),
            });
        }
        var trunk = party.Trunk ?? _options.Trunks.FirstOrDefault()?.Name;
        return trunk is null
            ? new TransferDestination.Unroutable(name, HangupCause.UnallocatedNumber, $"'{user}' is no extension and no trunk is configured")
            : new TransferDestination.Dial(name, new OriginateRequest(user) { Trunk = trunk });
    }

    /// <summary>The far end's number on <paramref name="party"/>: who a transfer target sees calling.</summary>
    private static string NumberOf(ICall party) => party.Direction == CallDirection.Inbound ? party.From : party.To;

    private bool IsThisNode(SipUri uri)
    {
        if (string.Equals(uri.Host, _options.Sip.Domain, StringComparison.OrdinalIgnoreCase)) return true;
        var port = uri.HasPort ? uri.Port : DefaultSipPort;
        var host = uri.Host.Trim('[', ']');
        var isPublic = string.Equals(host, _options.Sip.PublicAddress, StringComparison.OrdinalIgnoreCase);
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : null;
        return _listeners().Any(listener => listener.EndPoint.Port == port &&
            (isPublic || (address is not null && (listener.EndPoint.Address.Equals(address) || listener.EndPoint.Address.Equals(IPAddress.Any)))));
    }
}
