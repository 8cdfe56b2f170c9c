using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Transactions;

/// <summary>
/// What identifies a transaction. Server side (RFC 3261 §17.2.3): the top Via's branch and sent-by, and the method,
/// with ACK folded into INVITE. Client side (§17.1.3): the branch and the CSeq method. A request whose branch lacks
/// the magic cookie (RFC 2543, RFC 4475 §3.2.1 and §3.4.1) is keyed by the fields §17.2.3 lists for that case.
/// The parts refer to message bytes: a stored key to its transaction's request, a probe to the message at hand.
/// </summary>
internal readonly struct TransactionKey : IEquatable<TransactionKey>
{
    private readonly ReadOnlyMemory<byte> branch;
    private readonly ReadOnlyMemory<byte> host;
    private readonly int port;
    private readonly KnownMethod method;
    private readonly int hash;

    private TransactionKey(ReadOnlyMemory<byte> branch, ReadOnlyMemory<byte> host, int port, KnownMethod method)
    {
        this.branch = branch;
        this.host = host;
        this.port = port;
        this.method = method;
        var hashCode = default(HashCode);
        // §7.3.1: parameter values (the branch) and host names compare ignoring case.
        KeyBytes.Add(ref hashCode, branch.Span, ignoreCase: true);
        hashCode.Add(port);
        hashCode.Add(method);
        hash = hashCode.ToHashCode();
    }

    /// <summary>The key a received request matches a server transaction by; ACK becomes INVITE unless stated.</summary>
    public static TransactionKey ForServer(SipMessage request) => ForServer(request, request.Method.Known == KnownMethod.Ack ? KnownMethod.Invite : request.Method.Known);

    /// <summary>The key with another method: a CANCEL looks up the INVITE it cancels this way (§9.2).</summary>
    public static TransactionKey ForServer(SipMessage request, KnownMethod method)
    {
        var via = request.TopVia;
        if (!via.HasRfc3261Branch) return new TransactionKey(Rfc2543Key.Of(request), default, 0, method);
        var buffer = request.Buffer;
        return new TransactionKey(KeyBytes.SliceOf(buffer, via.BranchBytes), KeyBytes.SliceOf(buffer, via.HostBytes), via.Port, method);
    }

    /// <summary>The key a response matches a client transaction by (§17.1.3); also the key the client stores.</summary>
    public static TransactionKey ForClient(SipMessage message)
    {
        var via = message.TopVia;
        return new TransactionKey(KeyBytes.SliceOf(message.Buffer, via.BranchBytes), default, 0, message.CSeq.KnownMethod);
    }

    public bool Equals(TransactionKey other) =>
        hash == other.hash && port == other.port && method == other.method
        && KeyBytes.Equal(branch.Span, other.branch.Span, ignoreCase: true)
        && KeyBytes.Equal(host.Span, other.host.Span, ignoreCase: true);

    public override bool Equals(object? obj) => obj is TransactionKey other && Equals(other);

    public override int GetHashCode() => hash;
}
