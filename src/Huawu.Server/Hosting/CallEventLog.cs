using Huawu.Data.Protection;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Hosting;

/// <summary>
/// Writes one log line per call event, so an operator can follow calls in the node's log. Phone numbers are
/// personal data and are masked (138****5678); extension numbers and names of built-in extensions are not.
/// </summary>
internal sealed class CallEventLog(ICallControl calls, ILogger<CallEventLog> logger) : BackgroundService
{
    // Numbers this long are subscribers' phone numbers; shorter ones are extensions and service numbers.
    private const int PhoneNumberDigits = 7;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = calls.Events.Subscribe();
        try
        {
            await foreach (var cti in subscription.Reader.ReadAllAsync(stoppingToken))
                logger.LogInformation("call {CallId}: {Event}", cti.CallId, Describe(cti));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    internal static string Describe(CtiEvent cti) => cti switch
    {
        CallCreated c => $"{c.Direction.ToString().ToLowerInvariant()} {Party(c.From)} → {Party(c.To)}" + (c.Trunk is null ? "" : $" via trunk {c.Trunk}"),
        CallRinging => "ringing",
        CallAnswered a => $"answered ({a.Codec})",
        CallBridged b => $"bridged with {b.OtherCallId}",
        CallUnbridged u => $"unbridged from {u.OtherCallId}",
        CallHeld h => $"held by the {Side(h.By)} side",
        CallResumed r => $"resumed by the {Side(r.By)} side",
        CallTransferred t => $"transferred to {Party(t.Target)}: " + (t.Succeeded ? "succeeded" : $"failed ({t.SipStatus})"),
        ConferenceMembershipChanged m => $"{(m.Joined ? "joined" : "left")} conference {m.Conference} ({m.Members} members)",
        DtmfReceived d => $"DTMF {d.Key} ({d.Method})",
        CallHungUp h => $"hung up by the {Side(h.By)} side: {h.Cause}" + (h.SipStatus is { } status ? $" (SIP {status})" : "") +
                        $", rang {h.RingDuration.TotalSeconds:0.0} s, talked {h.TalkDuration.TotalSeconds:0.0} s",
        _ => cti.GetType().Name,
    };

    internal static string Party(string value) =>
        value.Count(char.IsAsciiDigit) >= PhoneNumberDigits ? Masking.Phone(value) : value;

    private static string Side(HangupSide side) => side == HangupSide.Remote ? "remote" : "local";
}
