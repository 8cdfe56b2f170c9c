using System.Net;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Trunks;

/// <summary>How this node presents itself to its trunks, and how patiently it retries them.</summary>
public sealed class TrunkClientOptions
{
    /// <summary>The host written in our Contact: the public address, or the listening one.</summary>
    public required string LocalHost { get; init; }

    public int LocalPort { get; init; } = 5060;

    public string UserAgent { get; init; } = "Huawu";

    /// <summary>A registration is refreshed when this fraction of the granted time has passed.</summary>
    public double RefreshFraction { get; init; } = 0.5;

    /// <summary>The wait after a first failure; it doubles with each further failure (RFC 5626 §4.5's shape).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Immediate re-sends within one registration attempt (answering 401/407, raising to Min-Expires).</summary>
    public int MaxImmediateRetries { get; init; } = 3;

    /// <summary>Consecutive OPTIONS without any response after which a trunk is Down.</summary>
    public int KeepaliveFailuresForDown { get; init; } = 3;

    /// <summary>The node's public address (else its first listener) and that listener's port.</summary>
    public static TrunkClientOptions For(SipOptions sip)
    {
        ArgumentNullException.ThrowIfNull(sip);
        var listener = sip.Listen.FirstOrDefault() ?? new SipListenerOptions();
        var host = string.IsNullOrEmpty(sip.PublicAddress) ? listener.Address : sip.PublicAddress;
        return new TrunkClientOptions { LocalHost = host, LocalPort = listener.Port, UserAgent = sip.UserAgent };
    }

    internal TimeSpan RetryDelay(int failures, TimeSpan? retryAfter)
    {
        var doubled = RetryBaseDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        var delay = doubled < RetryMaxDelay ? doubled : RetryMaxDelay;
        // RFC 3261 §20.33: a server that says when to come back is not asked sooner.
        return retryAfter is { } after && after > delay ? after : delay;
    }

    /// <summary>An IPv6 address in a URI goes in brackets (RFC 3261 §19.1.1, RFC 5118).</summary>
    internal static string UriHost(string host) =>
        IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !host.StartsWith('[') ? "[" + host + "]" : host;
}
