using Huawu.ContactCenter.Compliance.Rules;
using Huawu.Data;

namespace Huawu.ContactCenter.Compliance;

/// <summary>
/// What the robot (or an agent) calls when a callee refuses further calls (不要再打了, "take me off your list"): the number goes on the
/// do-not-call list with the call as its source, and the outbound-call consent is recorded as withdrawn, so every later call to it,
/// from any campaign, is refused at the gate (消费者权益保护法实施条例 art. 24: stop at once; 47 CFR 64.1200(d)(3)).
/// </summary>
public sealed class RefusalRecorder(DataStore store)
{
    public async Task<bool> RecordAsync(string phone, string callUuid, string who, long? callRecordId = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(callUuid);
        ArgumentNullException.ThrowIfNull(who);
        var listed = await store.DoNotCall.AddAsync(phone, "refused further calls on a call", $"{who}:call:{callUuid}", cancellation);
        if (!listed.Succeeded) return false;
        await store.Consents.RecordAsync(phone, ComplianceRules.DefaultConsentPurpose, granted: false, $"{who}:call:{callUuid}", callRecordId, cancellation);
        return true;
    }
}
