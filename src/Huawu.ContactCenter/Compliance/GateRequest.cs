using Huawu.ContactCenter.Compliance.Rules;

namespace Huawu.ContactCenter.Compliance;

/// <summary>
/// An outbound call about to be dialled. With <see cref="CampaignId"/> and <see cref="ContactId"/> an allowed decision writes the
/// campaign's attempt (status dialing, with <see cref="CallUuid"/> and <see cref="Node"/>) in the same transaction as the slot.
/// </summary>
/// <param name="Phone">The callee in E.164 (parse national spellings first with <see cref="Phones.PhoneNumberParser"/> in their region).</param>
/// <param name="Actor">Who asks: <c>campaign:12</c>, <c>user:alice</c>; recorded with the decision.</param>
public sealed record GateRequest(string Phone, CallKind Kind, CallPurpose Purpose, string Actor)
{
    /// <summary>The caller ID the call will present (E.164 or national).</summary>
    public string? CallerId { get; init; }

    /// <summary>The IANA zone of the callee's list, for numbers that do not tell their zone.</summary>
    public string? ListZone { get; init; }

    public long? CampaignId { get; init; }

    public long? ContactId { get; init; }

    public string? CallUuid { get; init; }

    public string? Node { get; init; }
}
