using Huawu.Telephony.Tests.Engine;
using Huawu.Testing.Peers.SoftPhone;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Calls;

/// <summary>What the capture of a forked call shows about the two phones of one extension, by their SIP and RTP ports.</summary>
internal sealed class ForkedPhones(Baresip baresip, Linphone linphone, IReadOnlyList<CapturedSipMessage> sip, IReadOnlyList<RtpStream> rtp)
{
    /// <summary>The last 200 to a REGISTER that reached <paramref name="phonePort"/>.</summary>
    public CapturedSipMessage LastRegistrationOkTo(int phonePort) =>
        sip.Last(m => m.StatusCode == 200 && m.Datagram.Destination.Port == phonePort && m.Header("CSeq")!.EndsWith("REGISTER", StringComparison.Ordinal));

    /// <summary>Whether the phone at <paramref name="phonePort"/> sent a <paramref name="statusCode"/> response to an INVITE.</summary>
    public bool Responded(int phonePort, int statusCode) =>
        sip.Any(m => m.StatusCode == statusCode && m.Datagram.Source.Port == phonePort && m.Header("CSeq")!.EndsWith("INVITE", StringComparison.Ordinal));

    public IReadOnlyList<CapturedSipMessage> CancelsTo(int phonePort) =>
        [.. sip.Where(m => m.Method == "CANCEL" && m.Datagram.Destination.Port == phonePort)];

    /// <summary>The RMS of what Huawu sent to linphone's RTP ports, decoded (linphone has no sound card to record it).</summary>
    public double LinphoneHeard()
    {
        var toLinphone = rtp.Where(s => linphone.IsRtpPort(s.Destination.Port)).MaxBy(s => s.Packets.Count);
        return toLinphone is null ? 0 : AudioProbe.Rms(CallAudio.Decode(toLinphone));
    }

    public string Describe() => $"SIP on the wire:\n{string.Join('\n', sip)}\n{baresip.Describe()}\n{linphone.Describe()}";
}
