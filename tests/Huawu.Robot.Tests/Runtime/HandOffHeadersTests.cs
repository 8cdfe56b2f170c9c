using Huawu.Robot.Dialogue;
using Huawu.Robot.Runtime;

namespace Huawu.Robot.Tests.Runtime;

/// <summary>The context the agent's phone receives on the hand-off INVITE (private X- headers, RFC 3261 §7.3.1).</summary>
public sealed class HandOffHeadersTests
{
    [Fact]
    public void The_call_id_last_intent_and_grade_become_headers()
    {
        var headers = HandOffHeaders.For("0a1b2c3d4e5f6071", Context("wants_agent", "B"));

        Assert.Equal("0a1b2c3d4e5f6071", headers[HandOffHeaders.CallId]);
        Assert.Equal("wants_agent", headers["x-huawu-intent"]);
        Assert.Equal("B", headers[HandOffHeaders.Grade]);
    }

    [Fact]
    public void A_missing_intent_or_grade_is_left_out()
    {
        var headers = HandOffHeaders.For("0a1b2c3d4e5f6071", Context(null, null));

        Assert.Equal([HandOffHeaders.CallId], headers.Keys);
    }

    [Theory]
    [InlineData("a\r\nVia: SIP/2.0/UDP evil")] // RFC 3261 §7.3.1: a CRLF would start a new header
    [InlineData("两个字")]
    [InlineData("with space")]
    [InlineData("")]
    public void A_value_that_is_not_a_plain_token_is_left_out_rather_than_sent(string intent)
    {
        var headers = HandOffHeaders.For("0a1b2c3d4e5f6071", Context(intent, "A"));

        Assert.False(headers.ContainsKey(HandOffHeaders.Intent));
        Assert.Equal("A", headers[HandOffHeaders.Grade]);
    }

    private static HandOffContext Context(string? intent, string? grade) =>
        new("script", "to_agent", [], intent, new Dictionary<string, string>(), [], grade);
}
