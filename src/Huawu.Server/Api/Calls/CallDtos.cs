using Huawu.Data.Calls;
using Huawu.Data.Protection;
using Huawu.Data.Transcripts;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Calls;

/// <summary>
/// A call as the caller may see it (the customer's number masked unless their roles see it whole). <see cref="HangupSide"/>
/// is who hung up as the first leg saw it (<c>remote</c>: the customer of an inbound or dialed call; <c>local</c>: our
/// side); <see cref="SipStatus"/> the final status of a call that never connected; ring and talk times are in seconds.
/// Calls recorded before these were kept have them null.
/// </summary>
public sealed record CallResponse(
    long Id,
    string CallUuid,
    string Direction,
    string? CustomerPhone,
    string? LocalNumber,
    string? Trunk,
    long? CampaignId,
    long? QueueId,
    long? AgentUserId,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string? HangupCause,
    string? HangupSide,
    int? SipStatus,
    double? RingSeconds,
    double? TalkSeconds,
    string? DispositionCode,
    string? IntentGrade)
{
    internal static CallResponse From(CallRecord call, PersonalDataView view) => new(
        call.Id, call.CallUuid, call.Direction.ToString().ToLowerInvariant(), view.Show(DataClass.PhoneNumber, call.CustomerPhone), call.LocalNumber,
        call.Trunk, call.CampaignId, call.QueueId, call.AgentUserId, call.StartedAt, call.AnsweredAt, call.EndedAt, call.HangupCause,
        SideText(call.HangupSide), call.SipStatus, call.RingDuration?.TotalSeconds, call.TalkDuration?.TotalSeconds, call.DispositionCode,
        call.IntentGrade);

    internal static string? SideText(CallSide? side) => side?.ToString().ToLowerInvariant();
}

public sealed record CallEventResponse(long Id, DateTimeOffset OccurredAt, string Kind, string? Detail)
{
    internal static CallEventResponse From(CallEvent e) => new(e.Id, e.OccurredAt, e.Kind, e.Detail);
}

/// <summary>One leg of a call: its party masked like the customer's number; its trunk, answer and end as the call's.</summary>
public sealed record CallLegResponse(long Id, string LegUuid, string Role, string? Party, string? Trunk, DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? HangupCause, string? HangupSide, int? SipStatus)
{
    internal static CallLegResponse From(CallLeg leg, PersonalDataView view) => new(
        leg.Id, leg.LegUuid, leg.Role, view.Show(DataClass.PhoneNumber, leg.Party), leg.Trunk, leg.StartedAt, leg.AnsweredAt, leg.EndedAt,
        leg.HangupCause, CallResponse.SideText(leg.HangupSide), leg.SipStatus);
}

/// <summary>One utterance; <see cref="Text"/> is masked for roles that may not read what was said.</summary>
public sealed record TranscriptSegmentResponse(long Id, int Sequence, string Speaker, double StartSeconds, double EndSeconds, string Text,
    string? Intent, double? Confidence)
{
    internal static TranscriptSegmentResponse From(TranscriptSegment s, PersonalDataView view) => new(
        s.Id, s.Sequence, s.Speaker, s.Start.TotalSeconds, s.End.TotalSeconds, view.Show(DataClass.Transcript, s.Text)!, s.Intent, s.Confidence);
}
