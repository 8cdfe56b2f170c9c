using System.Net;

namespace Huawu.Sip.Transport;

/// <summary>
/// Turns a host name from a URI into addresses (A/AAAA). Injectable so tests and deployments with their own
/// naming (a static trunk table) need no DNS.
/// </summary>
public interface ISipHostResolver
{
    /// <summary>The addresses of <paramref name="host"/>, best first; empty when the name does not resolve.</summary>
    ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}
