using System.Collections.Frozen;
using System.Net;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Trunks;

/// <summary>
/// Which trunk a source address belongs to: each trunk's <see cref="TrunkOptions.Host"/> and
/// <see cref="TrunkOptions.InboundAddresses"/>. A host given by name is resolved outside (DNS is I/O) and handed in
/// with <see cref="SetResolvedAddresses"/>, again whenever it is re-resolved. Only the address is matched, not the
/// port or transport: carriers commonly send calls from other ports, and over other transports, than they take
/// ours on. Lookups are lock-free; updates replace the whole table.
/// </summary>
public sealed class TrunkAddressTable
{
    private readonly Dictionary<string, TrunkOptions> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IPAddress[]> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private FrozenDictionary<IPAddress, TrunkOptions> _byAddress = FrozenDictionary<IPAddress, TrunkOptions>.Empty;

    public TrunkAddressTable(IEnumerable<TrunkOptions> trunks)
    {
        ArgumentNullException.ThrowIfNull(trunks);
        foreach (var trunk in trunks) _byName.Add(trunk.Name, trunk);
        lock (_gate) Rebuild();
    }

    /// <summary>The trunks whose host is a name rather than an address, to be resolved by the caller.</summary>
    public IEnumerable<TrunkOptions> TrunksToResolve => _byName.Values.Where(t => !IPAddress.TryParse(t.Host, out _));

    /// <summary>Replaces the addresses <paramref name="trunkName"/>'s host name resolved to.</summary>
    public void SetResolvedAddresses(string trunkName, IEnumerable<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (!_byName.ContainsKey(trunkName)) throw new ArgumentException($"No trunk is named '{trunkName}'.", nameof(trunkName));
        lock (_gate)
        {
            _resolved[trunkName] = [.. addresses.Select(Normalize)];
            Rebuild();
        }
    }

    /// <summary>The trunk <paramref name="source"/> belongs to, or null.</summary>
    public TrunkOptions? Find(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Volatile.Read(ref _byAddress).GetValueOrDefault(Normalize(source));
    }

    private void Rebuild()
    {
        var table = new Dictionary<IPAddress, TrunkOptions>();
        foreach (var trunk in _byName.Values)
        {
            var literal = IPAddress.TryParse(trunk.Host, out var host) ? [host] : Array.Empty<IPAddress>();
            var addresses = literal
                .Concat(trunk.InboundAddresses.Select(IPAddress.Parse))
                .Concat(_resolved.GetValueOrDefault(trunk.Name) ?? []);
            // Configuration order decides when two trunks claim one address.
            foreach (var address in addresses) table.TryAdd(Normalize(address), trunk);
        }
        Volatile.Write(ref _byAddress, table.ToFrozenDictionary());
    }

    /// <summary>A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; they are the same host.</summary>
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
