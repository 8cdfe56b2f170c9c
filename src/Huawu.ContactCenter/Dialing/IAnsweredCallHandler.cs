using Huawu.ContactCenter.Campaigns;
using Huawu.Data.Campaigns;
using Huawu.Telephony.Calls;

namespace Huawu.ContactCenter.Dialing;

/// <summary>An answered campaign call, handed to whoever talks to the callee.</summary>
public sealed record AnsweredCall(ICall Call, Campaign Campaign, CampaignSettings Settings, QueuedContact Contact, CallAttempt Attempt);

/// <summary>
/// What the conversation came to: a disposition code (<c>dispositions</c> table: answered, not_interested, callback…), and the day the
/// callee asked to be called back on, when the script collected one, and the time of day said with it (the campaign's callback rules decide whether a callback is promised).
/// </summary>
public sealed record AnsweredCallResult(string DispositionCode, DateOnly? CallbackDate = null, TimeOnly? CallbackTime = null);

/// <summary>
/// Takes answered campaign calls. The robot runtime implements it (scripts, ASR, TTS, hand-off); until then the dialer uses
/// <see cref="PromptPlaybackHandler"/>. The handler owns the call until its task completes; the dialer hangs up what is left.
/// </summary>
public interface IAnsweredCallHandler
{
    Task<AnsweredCallResult> HandleAsync(AnsweredCall answered, CancellationToken cancellation);
}
