namespace Huawu.Sip.Transactions;

/// <summary>What a server transaction tells the TU that answers its request (RFC 3261 §17.2).</summary>
internal interface IServerTransactionUser
{
    /// <summary>A CANCEL matched the pending INVITE, which the transaction answered 487 (RFC 3261 §9.2).</summary>
    void OnCancelled();
}
