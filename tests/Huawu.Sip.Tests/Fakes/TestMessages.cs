using Huawu.Sip.Building;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Tests.Fakes;

/// <summary>Requests and responses for transaction and dialog tests, with the fields tests vary as parameters.</summary>
internal static class TestMessages
{
    public static SipMessage Request(
        string method,
        string branch = "z9hG4bKbranch1",
        string sentBy = "198.51.100.7:5060",
        string fromTag = "alice-tag",
        string? toTag = null,
        string callId = "call-1@example.com",
        uint cseq = 1,
        string transport = "UDP",
        string? body = null,
        string contact = "<sip:alice@198.51.100.7:5060>",
        params string[] extra) =>
        SipText.Parse(SipText.MessageWithBody(
            body ?? "",
            [
                $"{method} sip:bob@192.0.2.10 SIP/2.0",
                $"Via: SIP/2.0/{transport} {sentBy};branch={branch}",
                "Max-Forwards: 70",
                $"From: <sip:alice@example.com>;tag={fromTag}",
                toTag is null ? "To: <sip:bob@example.com>" : $"To: <sip:bob@example.com>;tag={toTag}",
                $"Call-ID: {callId}",
                $"CSeq: {cseq} {method}",
                "Contact: " + contact,
                .. extra,
                $"Content-Length: {System.Text.Encoding.UTF8.GetByteCount(body ?? "")}",
            ]));

    public static SipMessage Response(SipMessage request, int status, string? toTag = "bob-tag", params string[] extra)
    {
        var response = SipMessageBuilder.CreateResponse(request, status, toTag: status == 100 ? null : toTag);
        foreach (var line in extra)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            response.AddHeader(line[..colon], line[(colon + 1)..].Trim());
        }
        return response.Build();
    }
}
