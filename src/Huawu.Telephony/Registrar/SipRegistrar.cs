using System.Net;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Registrar;

/// <summary>
/// The registrar for the configured extensions (RFC 3261 §10.3), as a protocol engine without I/O: the SIP stack
/// hands it each REGISTER with where it came from and sends the response it returns; the call layer asks it where
/// an extension's phones are. Changes to bindings — registered, refreshed, unregistered, expired, displaced — go
/// to the event sink as they happen. Thread-safe; the sink is called under the registrar's lock, in order, so it
/// must only hand events on (as <c>CtiEventHub.Publish</c> does) and not block.
/// </summary>
public sealed partial class SipRegistrar : IDisposable
{
    private readonly RegistrarOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<RegistrationEvent> _onEvent;
    private readonly HashSet<string> _localHosts;
    private readonly BindingStore _bindings = new();
    private readonly Lock _gate = new();
    private readonly ITimer _sweepTimer;

    public SipRegistrar(RegistrarOptions options, IEnumerable<ExtensionOptions> extensions, TimeProvider time, Action<RegistrationEvent>? onEvent = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxContactsPerAor, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SweepInterval, TimeSpan.Zero, nameof(options));
        _options = options;
        _time = time;
        _onEvent = onEvent ?? (_ => { });
        _localHosts = new HashSet<string>([options.Domain, .. options.Aliases], StringComparer.OrdinalIgnoreCase);
        Authenticator = new ExtensionAuthenticator(new ExtensionDirectory(extensions), options, time);
        _sweepTimer = time.CreateTimer(static state => ((SipRegistrar)state!).Sweep(), this, options.SweepInterval, options.SweepInterval);
    }

    /// <summary>The digest check phones pass to register, shared with inbound call classification.</summary>
    internal ExtensionAuthenticator Authenticator { get; }

    /// <summary>
    /// The contacts <paramref name="extension"/> can be reached at now, best first: higher q, then the most recently
    /// registered. Empty when the extension has no phone online.
    /// </summary>
    public IReadOnlyList<ContactBinding> GetContacts(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        lock (_gate)
        {
            var events = new List<RegistrationEvent>();
            var contacts = _bindings.Current(extension, _time.GetUtcNow(), events);
            Publish(events);
            return contacts;
        }
    }

    /// <summary>Whether some extension holds a live registration from <paramref name="address"/>, on any port.</summary>
    internal bool HasRegistrationFrom(IPAddress address) => HasRegistration(source => source.HostAddress().Equals(address));

    /// <summary>Whether some extension holds a live registration from exactly <paramref name="source"/>.</summary>
    internal bool HasRegistrationAt(SipEndPoint source) => HasRegistration(registered => registered.Equals(source));

    private bool HasRegistration(Func<SipEndPoint, bool> sourceMatches)
    {
        lock (_gate) return _bindings.HasBindingFrom(sourceMatches, _time.GetUtcNow());
    }

    /// <summary>Whether <paramref name="host"/> names this registrar's domain or one of its aliases.</summary>
    internal bool IsLocalHost(string host) => _localHosts.Contains(host);

    /// <summary>Removes and reports the bindings that ran out; the sweep timer calls this periodically.</summary>
    public void Sweep()
    {
        lock (_gate)
        {
            var events = new List<RegistrationEvent>();
            _bindings.Sweep(_time.GetUtcNow(), events);
            Publish(events);
        }
    }

    public void Dispose() => _sweepTimer.Dispose();

    private void Publish(List<RegistrationEvent> events)
    {
        foreach (var happened in events) _onEvent(happened);
    }
}
