using Huawu.Telephony.Sdp;

namespace Huawu.Telephony.Tests.Sdp;

public class SessionDescriptionRejectionTests
{
    private const string Head = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    [Theory] // each case: the text, the line the parser must blame
    [InlineData("", 0)]                                                     // empty
    [InlineData("\r\n\r\n", 0)]                                             // only blank lines
    [InlineData("o=- 1 1 IN IP4 192.0.2.1\r\nv=0\r\n", 1)]                  // RFC 4566 §5: v= comes first
    [InlineData("v=1\r\n", 1)]                                              // only version 0 exists
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\n", 3)]                              // no o= line at all
    [InlineData("v=0\r\no=- 1 IN IP4 192.0.2.1\r\n", 2)]                    // o= with five fields
    [InlineData("v=0\r\no=- x 1 IN IP4 192.0.2.1\r\n", 2)]                  // session id not a number
    [InlineData("v=0\r\no=- 1 -1 IN IP4 192.0.2.1\r\n", 2)]                 // signed version
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\no=- 2 2 IN IP4 192.0.2.1\r\n", 3)]
    [InlineData(Head + "c=IN IP4 192.0.2.2\r\n", 6)]                        // second session c=
    [InlineData(Head + "c=IN IP4\r\n", 6)]
    [InlineData(Head + "s=again\r\n", 6)]
    [InlineData(Head + "t=0\r\n", 6)]
    [InlineData(Head + "b=AS\r\n", 6)]
    [InlineData(Head + "b=AS:lots\r\n", 6)]
    [InlineData(Head + "x=unknown type\r\n", 6)]                             // RFC 4566 §5: unknown letters reject the description
    [InlineData(Head + "A=upper case\r\n", 6)]
    [InlineData(Head + "m =audio 4000 RTP/AVP 0\r\n", 6)]                   // RFC 4566 §5: no space around '='
    [InlineData(Head + "garbage\r\n", 6)]
    [InlineData(Head + "m=audio 4000 RTP/AVP\r\n", 6)]                      // no formats on a live stream
    [InlineData(Head + "m=audio four RTP/AVP 0\r\n", 6)]
    [InlineData(Head + "m=audio 70000 RTP/AVP 0\r\n", 6)]
    [InlineData(Head + "m=audio 4000/0 RTP/AVP 0\r\n", 6)]
    [InlineData(Head + "m=audio 4000\r\n", 6)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\nt=0 0\r\n", 7)]           // session line after m=
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\nc=IN IP4 a\r\nc=IN IP4 b\r\n", 8)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:zero PCMU/8000\r\n", 7)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0\r\n", 7)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=rtpmap: PCMU/8000\r\n", 7)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:200 PCMU/8000\r\n", 7)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=ptime:fast\r\n", 7)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=ptime:0\r\n", 7)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=rtcp:port\r\n", 7)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=fmtp:\r\n", 7)]
    [InlineData(Head + "m=audio 4000 RTP/AVP 0\r\na=:value\r\n", 7)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nr=7d 1h 0 25h\r\n", 3)] // RFC 4566 §5.10: r= needs a t= before it
    public void Garbage_is_rejected_with_the_line_that_broke_it(string text, int line)
    {
        Assert.False(SessionDescription.TryParse(text, out var description, out var error));
        Assert.Null(description);
        Assert.Equal(line, error.LineNumber);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.StartsWith($"SDP line {line}: ", error.ToString(), StringComparison.Ordinal);
    }
}
