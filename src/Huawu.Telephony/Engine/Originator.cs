using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Engine;

/// <summary>Places a call as <see cref="ICallControl.OriginateAsync"/> does, telling <paramref name="onRinging"/> when a leg rings.</summary>
internal delegate Task<OriginateResult> Originator(OriginateRequest request, Action? onRinging, CancellationToken cancellationToken);
