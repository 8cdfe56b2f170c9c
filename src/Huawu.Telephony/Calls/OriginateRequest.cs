namespace Huawu.Telephony.Calls;

/// <summary>
/// A call to place. <see cref="Destination"/> is read by what else is given: with <see cref="Trunk"/>, a number
/// dialled through that trunk; a <c>sip:</c> or <c>sips:</c> URI, called directly; otherwise a local extension, whose
/// registered phones all ring (the first to answer wins, the others are cancelled).
/// </summary>
public sealed record OriginateRequest(string Destination)
{
    /// <summary>The configured trunk to dial through; null for an extension or a SIP URI.</summary>
    public string? Trunk { get; init; }

    /// <summary>The user part of From (the caller ID): default the trunk's caller ID, else "huawu".</summary>
    public string? CallerId { get; init; }

    /// <summary>The display name of From.</summary>
    public string? CallerName { get; init; }

    /// <summary>
    /// How long to let it ring before cancelling with <see cref="HangupCause.NoAnswer"/>. The originate returns then
    /// even when the far end has sent nothing at all (no SIP status in the result); the INVITE ends in the background.
    /// </summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The call this one is placed for: the caller an extension's phones ring for, the party a transfer moves, the customer
    /// an agent is called for. <see cref="Cti.CallCreated.OnBehalfOf"/> carries it, so call records keep the legs of one
    /// conversation together.
    /// </summary>
    public CallId? OnBehalfOf { get; init; }

    /// <summary>
    /// The id the call gets (default a new one). A dialer writes it into its attempt before dialling, so after a crash the call's record
    /// says what became of the attempt. Only for a call with one target (a trunk or a SIP URI); an id in use fails the call.
    /// </summary>
    public CallId? Id { get; init; }

    /// <summary>Extra headers for the INVITE (e.g. X-Campaign-Id), name to value.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
