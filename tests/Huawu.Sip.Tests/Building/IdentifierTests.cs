using Huawu.Sip.Building;
using Huawu.Sip.Headers;

namespace Huawu.Sip.Tests.Building;

/// <summary>RFC 3261 §8.1.1.7 branches and §19.3 tags and Call-IDs.</summary>
public sealed class IdentifierTests
{
    [Fact]
    public void Branches_carry_the_magic_cookie_and_never_repeat()
    {
        var branches = Enumerable.Range(0, 1000).Select(_ => SipIdentifiers.NewBranch()).ToList();

        Assert.All(branches, b => Assert.True(ViaHeader.TryParse("SIP/2.0/UDP h;branch=" + b, out var via) && via.HasRfc3261Branch));
        Assert.Equal(branches.Count, branches.Distinct().Count());
    }

    [Fact]
    public void Tags_and_call_ids_are_tokens_and_words()
    {
        var tag = SipIdentifiers.NewTag();
        var callId = SipIdentifiers.NewCallId("host.example.com");

        Assert.True(tag.Length >= 8);
        Assert.NotEqual(tag, SipIdentifiers.NewTag());
        Assert.EndsWith("@host.example.com", callId, StringComparison.Ordinal);
        var message = SipText.Parse(SipText.Options().Select(l =>
            l.StartsWith("Call-ID:", StringComparison.Ordinal) ? "Call-ID: " + callId
            : l.StartsWith("From:", StringComparison.Ordinal) ? "From: <sip:a@example.com>;tag=" + tag
            : l).ToArray());
        Assert.Equal((callId, tag), (message.CallId, message.From.Tag));
    }
}
