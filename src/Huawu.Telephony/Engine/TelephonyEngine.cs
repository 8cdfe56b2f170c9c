using System.Collections.Concurrent;
using System.Net;
using Huawu.Media.Streams;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Sip.Transport;
using Huawu.Telephony.Audio;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Diagnostics;
using Huawu.Telephony.Legs;
using Huawu.Telephony.Registrar;
using Huawu.Telephony.Transfers;
using Huawu.Telephony.Trunks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Huawu.Telephony.Engine;

/// <summary>
/// The telephony core of a node: the SIP stack, the media engine, the registrar and the trunks, and every call leg
/// on them, behind <see cref="ICallControl"/>. Create it from validated options, <see cref="StartAsync"/> it (binds
/// the listeners, registers the trunks), and <see cref="StopAsync"/> it (hangs up every call, de-registers).
/// </summary>
public sealed partial class TelephonyEngine : ICallControl, IAsyncDisposable
{
    private const int NotStarted = 0, Running = 1, Stopped = 2;

    private readonly TelephonyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<CallId, CallLeg> _calls = new();
    private readonly MediaEngine _media;
    private readonly SipStack _stack;
    private readonly LegServices _legs;
    private readonly SipRegistrar _registrar;
    private readonly TrunkAddressTable _trunkAddresses;
    private readonly OutboundRouting _routing;
    private readonly CallTransfers _transfers;
    private Func<ICall, Task> _inboundHandler;
    private TrunkManager? _trunks;
    private int _state;

    public TelephonyEngine(TelephonyOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Huawu.Telephony");
        Diagnostics = new DiagnosticExtensions(options.Diagnostics);
        _registrar = new SipRegistrar(RegistrarOptions.For(options.Sip), options.Extensions, _time, OnRegistrationEvent);
        _trunkAddresses = new TrunkAddressTable(options.Trunks);
        var inbound = new InboundRequests(
            options, _registrar, new InboundCallClassifier(_trunkAddresses, _registrar), Diagnostics, OnInboundCall,
            () => Volatile.Read(ref _state) == Running, _logger);
        _stack = new SipStack(StackOptions.For(options, _logger), inbound, _time);
        _media = new MediaEngine(MediaOptions.For(options.Rtp), _time);
        _transfers = new CallTransfers(OriginateAsync, new TransferDestinations(options, Diagnostics, () => _stack.LocalEndPoints), _logger);
        _legs = new LegServices
        {
            Stack = _stack,
            Media = _media,
            Events = Events,
            Time = _time,
            Logger = _logger,
            MediaAddress = NodeAddresses.ForMedia(options),
            HoldMusic = HoldMusic.Load(options.Calls.MusicOnHoldFile),
            SignallingHost = SignallingHost,
            Transfers = _transfers,
            OnEnded = leg => _calls.TryRemove(leg.Id, out _),
        };
        _routing = new OutboundRouting(options, _registrar, GetTrunkStatus);
        var extensions = new ExtensionCalls(OriginateAsync, TimeSpan.FromSeconds(options.Calls.ExtensionRingSeconds), _logger);
        _inboundHandler = new Dialplan(options, Diagnostics, extensions).HandleAsync;
    }

    public CtiEventHub Events { get; } = new();

    public IReadOnlyCollection<ICall> Calls => [.. _calls.Values];

    /// <summary>The diagnostic extensions, for inbound handlers that want to offer them too.</summary>
    public DiagnosticExtensions Diagnostics { get; }

    /// <summary>Whether the engine runs with its listeners bound.</summary>
    public bool IsReady => Volatile.Read(ref _state) == Running;

    /// <summary>Every bound SIP listener (a configured port 0 shows the port chosen); empty until started.</summary>
    public IReadOnlyList<SipEndPoint> SipEndPoints => _stack.LocalEndPoints;

    /// <summary>The address RTP sockets bind to.</summary>
    public IPAddress RtpAddress => IPAddress.Parse(_options.Rtp.Address);

    /// <summary>The ports RTP draws from.</summary>
    public PortRange RtpPorts => MediaOptions.Ports(_options.Rtp);

    /// <summary>What the SIP stack holds open now (transactions, dialogs), and its counters.</summary>
    internal SipStackStatistics SipStatistics => _stack.GetStatistics();

    /// <summary>RTP ports held by calls' streams now.</summary>
    internal int RtpPortsInUse => _media.Ports.Capacity - _media.Ports.Available;

    public ICall? FindCall(CallId id) => _calls.GetValueOrDefault(id);

    /// <summary>Whether <paramref name="extension"/> has a phone registered now (the ACD offers calls only to present members).</summary>
    public bool IsRegistered(string extension) => _registrar.GetContacts(extension).Count > 0;

    /// <summary>A trunk's registration and keepalive state; null before start or for a trunk not configured.</summary>
    public TrunkStatus? GetTrunkStatus(string trunk) =>
        _trunks is { } trunks && _options.Trunks.Exists(t => string.Equals(t.Name, trunk, StringComparison.OrdinalIgnoreCase)) ? trunks.GetStatus(trunk) : null;

    public void SetInboundHandler(Func<ICall, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Volatile.Write(ref _inboundHandler, handler);
    }

    private void OnInboundCall(SipServerTransaction invite, InboundCall call)
    {
        var leg = CallLeg.ForInvite(_legs, invite, call.From, call.To, call.Trunk);
        _calls[leg.Id] = leg;
        var handler = Volatile.Read(ref _inboundHandler);
        leg.Mailbox.Post(() => leg.StartInbound(handler));
    }

    /// <summary>host:port of the first UDP listener (else the first), as others reach it.</summary>
    private string SignallingHost()
    {
        var listener = SignallingListener();
        return TrunkClientOptions.UriHost(NodeAddresses.ForSignalling(_options, listener)) + ":" + listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private IPEndPoint SignallingListener() =>
        _stack.LocalEndPoints.FirstOrDefault(e => e.Transport == TransportProtocol.Udp).EndPoint ?? _stack.LocalEndPoints[0].EndPoint;

    private void OnRegistrationEvent(RegistrationEvent happened) =>
        _logger.LogInformation("Extension {Extension}: {Kind} {Contact} from {Source}", happened.Extension, happened.Kind, happened.Binding.ContactUri, happened.Binding.Source);

    private void OnTrunkEvent(TrunkEvent happened) => _logger.LogInformation("Trunk {Trunk}: {Event}", happened.Trunk, happened);
}
