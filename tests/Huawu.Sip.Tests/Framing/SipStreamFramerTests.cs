using System.Text;
using Huawu.Sip.Framing;

namespace Huawu.Sip.Tests.Framing;

/// <summary>RFC 3261 §18.3 stream framing and RFC 5626 §3.5.1 CRLF keep-alives.</summary>
public sealed class SipStreamFramerTests
{
    private static readonly byte[] First = SipText.MessageWithBody("hello\r\n\r\nworld", SipText.Options("Content-Type: text/plain")[..^1].Append("Content-Length: 14").ToArray());
    private static readonly byte[] Second = SipText.Message(SipText.Options());
    private static readonly byte[] Stream = [.. "\r\n\r\n"u8, .. First, .. "\r\n"u8, .. Second, .. "\r\n\r\n"u8];

    private static readonly (SipFrameKind, string)[] Expected =
    [
        (SipFrameKind.KeepAliveCrlf, ""),
        (SipFrameKind.KeepAlivePing, ""),
        (SipFrameKind.Message, Encoding.UTF8.GetString(First)),
        (SipFrameKind.KeepAliveCrlf, ""),
        (SipFrameKind.Message, Encoding.UTF8.GetString(Second)),
        (SipFrameKind.KeepAliveCrlf, ""),
        (SipFrameKind.KeepAlivePing, ""),
    ];

    [Fact]
    public void A_stream_split_at_every_offset_yields_the_same_frames()
    {
        for (var split = 0; split <= Stream.Length; split++)
        {
            var frames = ChunkedStream.Frame([Stream[..split], Stream[split..]]);
            Assert.Equal(Expected, frames.Select(f => (f.Kind, Encoding.UTF8.GetString(f.Message))));
        }
    }

    [Fact]
    public void A_stream_arriving_byte_by_byte_yields_the_same_frames()
    {
        var frames = ChunkedStream.Frame(Stream.Select(b => new[] { b }));

        Assert.Equal(Expected, frames.Select(f => (f.Kind, Encoding.UTF8.GetString(f.Message))));
    }

    [Fact]
    public void Framed_messages_parse_with_their_whole_body()
    {
        var frames = ChunkedStream.Frame([Stream]).Where(f => f.Kind == SipFrameKind.Message).ToList();

        Assert.Equal("hello\r\n\r\nworld", SipText.Text(SipText.Parse(frames[0].Message).Body));
        Assert.True(SipText.Parse(frames[1].Message).Body.IsEmpty);
    }

    [Fact]
    public void Content_length_is_mandatory_on_streams() // RFC 3261 §18.3
    {
        var frames = ChunkedStream.Frame([SipText.Message(SipText.Options()[..^1])]);

        Assert.Equal((SipFrameKind.Error, "Missing Content-Length"), (frames.Single().Kind, frames.Single().Error));
    }

    [Fact]
    public void Two_content_lengths_cannot_be_framed() // RFC 4475 §3.3.9
    {
        var frames = ChunkedStream.Frame([Rfc4475.Rfc4475Messages.Load("mcl01")]);

        Assert.Equal("Multiple Content-Length headers", frames.Single().Error);
    }

    [Theory]
    [InlineData("Content-Length: -1")]
    [InlineData("Content-Length: ten")]
    public void Bad_content_lengths_cannot_be_framed(string line)
    {
        var frames = ChunkedStream.Frame([SipText.Message(SipText.Options()[..^1].Append(line).ToArray())]);

        Assert.Equal("Bad Content-Length", frames.Single().Error);
    }

    [Fact]
    public void An_endless_header_section_is_cut_off_at_the_limit()
    {
        var limits = new SipFramingLimits { MaxHeaderBytes = 1024 };
        var stream = new ChunkedStream(new SipStreamFramer(limits));

        stream.Receive(Encoding.ASCII.GetBytes("INVITE sip:a@example.com SIP/2.0\r\n"));
        for (var i = 0; i < 20 && stream.Frames.Count == 0; i++) stream.Receive(Encoding.ASCII.GetBytes($"X-Slow-{i}: {new string('z', 60)}\r\n"));

        Assert.Equal((SipFrameKind.Error, "Header section exceeds 1024 bytes"), (stream.Frames.Single().Kind, stream.Frames.Single().Error));
    }

    [Fact]
    public void An_oversized_body_is_refused_before_it_arrives()
    {
        var head = SipText.Message(SipText.Options("Content-Type: text/plain")[..^1].Append("Content-Length: 100000").ToArray());

        var frames = ChunkedStream.Frame([head], new SipFramingLimits { MaxBodyBytes = 65536 });

        Assert.Equal("Body exceeds 65536 bytes", frames.Single().Error);
    }

    [Fact]
    public void After_an_error_the_framer_stays_failed()
    {
        var stream = new ChunkedStream(new SipStreamFramer());
        stream.Receive("\rX"u8.ToArray());
        stream.Receive(Second);

        Assert.Equal(
            [(SipFrameKind.Error, "Stray CR between messages"), (SipFrameKind.Error, "Stray CR between messages")],
            stream.Frames.Select(f => (f.Kind, f.Error)));
    }

    [Fact]
    public void Nothing_is_yielded_until_the_body_is_complete()
    {
        var stream = new ChunkedStream(new SipStreamFramer());
        stream.Receive(First[..^3]);
        Assert.Empty(stream.Frames);

        stream.Receive(First[^3..]);
        Assert.Equal(SipFrameKind.Message, stream.Frames.Single().Kind);
    }
}
