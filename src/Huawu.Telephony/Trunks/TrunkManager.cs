using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Trunks;

/// <summary>
/// Every configured trunk's registration client (when <see cref="TrunkOptions.Register"/>) and OPTIONS keepalive,
/// started and stopped together, with their state for the call layer. (Outbound calls answer digest challenges in the
/// SIP stack, with the trunk's account as <see cref="Huawu.Sip.Stack.SipSendOptions.Credentials"/>.)
/// Events go to the sink in the order each trunk's changes happen; the sink must not block.
/// </summary>
public sealed class TrunkManager : IAsyncDisposable
{
    private readonly Dictionary<string, Trunk> _trunks = new(StringComparer.OrdinalIgnoreCase);

    public TrunkManager(IEnumerable<TrunkOptions> trunks, TrunkClientOptions options, ISipRequestSender sender, TimeProvider time, Action<TrunkEvent>? onEvent = null)
    {
        ArgumentNullException.ThrowIfNull(trunks);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(time);
        var sink = onEvent ?? (_ => { });
        foreach (var trunk in trunks)
        {
            var registration = trunk.Register ? new TrunkRegistrationClient(trunk, options, sender, time, sink) : null;
            _trunks.Add(trunk.Name, new Trunk(trunk, registration, new TrunkKeepalive(trunk, options, sender, time, sink)));
        }
    }

    public IEnumerable<TrunkOptions> Trunks => _trunks.Values.Select(t => t.Options);

    /// <summary>Registers the trunks that register and starts every keepalive.</summary>
    public void Start()
    {
        foreach (var trunk in _trunks.Values)
        {
            trunk.Registration?.Start();
            trunk.Keepalive.Start();
        }
    }

    /// <summary>Stops the keepalives and de-registers every registered trunk, waiting for the carriers' answers.</summary>
    public Task StopAsync()
    {
        foreach (var trunk in _trunks.Values) trunk.Keepalive.Stop();
        return Task.WhenAll(_trunks.Values.Where(t => t.Registration is not null).Select(t => t.Registration!.StopAsync()));
    }

    public TrunkStatus GetStatus(string trunk)
    {
        var found = Find(trunk);
        return new TrunkStatus(
            found.Options.Name,
            found.Registration?.State ?? TrunkRegistrationState.Unregistered,
            found.Registration?.LastStatusCode,
            found.Keepalive.Health);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        foreach (var trunk in _trunks.Values)
        {
            trunk.Registration?.Dispose();
            trunk.Keepalive.Dispose();
        }
    }

    private Trunk Find(string name) =>
        _trunks.TryGetValue(name, out var trunk) ? trunk : throw new ArgumentException($"No trunk is named '{name}'.", nameof(name));

    private sealed record Trunk(TrunkOptions Options, TrunkRegistrationClient? Registration, TrunkKeepalive Keepalive);
}
