using Huawu.ContactCenter.Dialing;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Campaigns;

/// <summary>What reached the SIPp trunk, from SIPp's own message trace: the INVITE dialogs by called number and attempt header.</summary>
internal sealed class SippTrunkLog
{
    private readonly SippMessageLog _log;

    private SippTrunkLog(SippMessageLog log)
    {
        _log = log;
        Invites = [.. log.Requests("INVITE", SippDirection.Received)
            .GroupBy(m => m.CallId!)
            .Select(g => g.First())
            .Select(m => (NumberOf(m), m.Header(Dialer.AttemptHeader) ?? "", m.CallId!, m.Timestamp))];
    }

    /// <summary>One entry per INVITE dialog (retransmissions share a Call-ID): number, attempt header, first arrival.</summary>
    public IReadOnlyList<(string Number, string Attempt, string CallId, DateTime At)> Invites { get; }

    /// <summary>When SIPp sent the final response (a status of <paramref name="status"/>) of a dialog.</summary>
    public DateTime? FinalSent(string callId, int status) =>
        _log.Responses(status, SippDirection.Sent).Where(m => m.CallId == callId).Select(m => (DateTime?)m.Timestamp).FirstOrDefault();

    public static SippTrunkLog Read(Sipp sipp) => new(SippMessageLog.Read(Path.Combine(sipp.Directory, SippCommandLine.MessageFile)));

    // INVITE sip:+8613810000004@127.0.0.1:5070 SIP/2.0
    private static string NumberOf(SippMessage invite)
    {
        var uri = invite.StartLine.Split(' ')[1];
        return uri["sip:".Length..uri.IndexOf('@', StringComparison.Ordinal)];
    }
}
