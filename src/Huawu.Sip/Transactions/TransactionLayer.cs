using System.Collections.Concurrent;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17): the client and server tables, matching of incoming messages to them
/// (§17.1.3, §17.2.3), creation of server transactions with the merged-request check of §8.2.2.2, and the bound on
/// server transactions that protects the node under overload.
/// </summary>
internal sealed class TransactionLayer
{
    private readonly TransactionContext context;
    private readonly TransactionTable<ServerTransaction> server;
    private readonly TransactionTable<ClientTransaction> client = new(int.MaxValue);
    private readonly ConcurrentDictionary<MergeKey, ServerTransaction> inProgress = new();
    private readonly Action<ServerTransaction> removeServer;
    private readonly Action<ClientTransaction> removeClient;

    public TransactionLayer(TransactionContext context, int maxServerTransactions)
    {
        this.context = context;
        server = new TransactionTable<ServerTransaction>(maxServerTransactions);
        removeServer = RemoveServer;
        removeClient = transaction => client.Remove(transaction.Key, transaction);
    }

    public int Count => server.Count + client.Count;

    /// <summary>
    /// Hands a request to the server transaction it belongs to, if any: a retransmission gets the last response
    /// again, an ACK for a failure completes its INVITE transaction. ACKs for 2xx never match (they carry a new
    /// branch) and go to the dialog layer.
    /// </summary>
    public bool TryAbsorb(SipMessage request)
    {
        if (!server.TryGet(TransactionKey.ForServer(request), out var transaction)) return false;
        if (request.Method.Known == KnownMethod.Ack) return transaction is ServerInviteTransaction invite && invite.TryAbsorbAck();
        transaction.OnRetransmission();
        return true;
    }

    /// <summary>RFC 3261 §9.2: the INVITE server transaction a CANCEL names (same key, method INVITE).</summary>
    public ServerInviteTransaction? FindCancelled(SipMessage cancel) =>
        server.TryGet(TransactionKey.ForServer(cancel, KnownMethod.Invite), out var transaction) ? transaction as ServerInviteTransaction : null;

    /// <summary>Creates the server transaction for a new request, unless it is merged or the table is full.</summary>
    public ServerCreation TryCreateServer(SipMessage request, ResponseTarget target, out ServerTransaction? transaction)
    {
        transaction = null;
        var checkMerge = !request.To.HasTag;
        var mergeKey = checkMerge ? MergeKey.Of(request) : default;
        // §8.2.2.2: same From tag, Call-ID and CSeq as a request in progress, but another transaction: 482.
        if (checkMerge && inProgress.TryGetValue(mergeKey, out var earlier) && !earlier.IsTerminated) return ServerCreation.Merged;

        ServerTransaction created = request.Method.Known == KnownMethod.Invite
            ? new ServerInviteTransaction(context, request, target, removeServer)
            : new ServerNonInviteTransaction(context, request, target, removeServer);
        var added = server.TryAdd(created.Key, created, out var twin);
        if (added != TableAdd.Added)
        {
            created.Discard();
            // A twin is the same request processed concurrently on another receive loop: a retransmission.
            twin?.OnRetransmission();
            return added == TableAdd.Full ? ServerCreation.Overloaded : ServerCreation.Retransmission;
        }
        if (checkMerge) inProgress[mergeKey] = created;
        transaction = created;
        return ServerCreation.Created;
    }

    /// <summary>
    /// Creates the client transaction for a request and lists it, so its responses match; the caller keeps it and then
    /// calls <see cref="ClientTransaction.Start"/>, which sends the request (a response may arrive at once).
    /// </summary>
    public ClientTransaction CreateClient(SipMessage request, OutboundRoute route, IClientTransactionUser user)
    {
        ClientTransaction transaction = request.Method.Known == KnownMethod.Invite
            ? new ClientInviteTransaction(context, request, route, user, removeClient)
            : new ClientNonInviteTransaction(context, request, route, user, removeClient);
        client.TryAdd(transaction.Key, transaction, out _);
        return transaction;
    }

    /// <summary>RFC 3261 §17.1.3: hands a response to its client transaction; false for a stray response (§18.1.2).</summary>
    public bool TryDeliverResponse(SipMessage response)
    {
        if (!client.TryGet(TransactionKey.ForClient(response), out var transaction)) return false;
        transaction.OnResponse(response);
        return true;
    }

    private void RemoveServer(ServerTransaction transaction)
    {
        server.Remove(transaction.Key, transaction);
        if (!transaction.Request.To.HasTag)
        {
            inProgress.TryRemove(new KeyValuePair<MergeKey, ServerTransaction>(MergeKey.Of(transaction.Request), transaction));
        }
    }
}

internal enum ServerCreation
{
    Created,

    /// <summary>RFC 3261 §8.2.2.2: answer 482 (Loop Detected).</summary>
    Merged,

    /// <summary>The table is full: answer 503 with Retry-After (RFC 3261 §21.5.4).</summary>
    Overloaded,

    /// <summary>The same request was being created concurrently; it was treated as a retransmission.</summary>
    Retransmission,
}
