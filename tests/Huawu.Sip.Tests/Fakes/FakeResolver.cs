using System.Collections.Concurrent;
using System.Net;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Tests.Fakes;

/// <summary>A resolver with a fixed table, answering at once; names not in it do not resolve.</summary>
internal sealed class FakeResolver : ISipHostResolver
{
    private readonly Dictionary<string, IPAddress> table = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Queries { get; } = new();

    public FakeResolver Add(string host, string address)
    {
        table[host] = IPAddress.Parse(address);
        return this;
    }

    public ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Queries.Enqueue(host);
        IReadOnlyList<IPAddress> found = table.TryGetValue(host, out var address) ? [address] : [];
        return ValueTask.FromResult(found);
    }
}
