using Huawu.Data.Calls;
using Huawu.Telephony.Calls;

namespace Huawu.Server.Calls;

/// <summary>
/// One write to a conversation's call record (<see cref="CallUuid"/>: its first leg's id), queued in the order the CTI
/// events happened and applied by <see cref="CallRecordWriter"/>.
/// </summary>
internal abstract record RecordStep(string CallUuid);

/// <summary>The call row, written when the conversation's first leg is created (before answer), so a crash leaves an open call.</summary>
internal sealed record OpenCall(string CallUuid, NewCallRecord Record) : RecordStep(CallUuid);

internal sealed record AddLeg(string CallUuid, NewCallLeg Leg) : RecordStep(CallUuid);

/// <summary>The record was answered (its first leg was).</summary>
internal sealed record MarkAnswered(string CallUuid, DateTimeOffset At) : RecordStep(CallUuid);

internal sealed record MarkLegAnswered(string CallUuid, string LegUuid, DateTimeOffset At) : RecordStep(CallUuid);

/// <summary>An event of the call; <see cref="Detail"/> carries no personal data (numbers masked, DTMF keys only by setting).</summary>
internal sealed record AddEvent(string CallUuid, DateTimeOffset At, string Kind, string Detail) : RecordStep(CallUuid);

internal sealed record EndLeg(string CallUuid, string LegUuid, LegEnd End) : RecordStep(CallUuid);

/// <summary>The conversation's last leg ended.</summary>
internal sealed record CloseCall(string CallUuid, CallEnd End) : RecordStep(CallUuid);

/// <summary>A recording started on the conversation's first leg (<see cref="Started"/>: null when the call ended first).</summary>
internal sealed record StartRecording(string CallUuid, EncryptedRecordingSink Sink, Task<ICallRecording?> Started) : RecordStep(CallUuid);
