using System.Buffers;
using Huawu.Sip.Framing;

namespace Huawu.Sip.Tests.Framing;

/// <summary>
/// Plays the role of a PipeReader: bytes arrive in chunks, unread bytes stay as a multi-segment sequence, and
/// the framer is called until it needs more data.
/// </summary>
internal sealed class ChunkedStream
{
    private readonly List<byte[]> unread = [];
    private readonly SipStreamFramer framer;

    public ChunkedStream(SipStreamFramer framer) => this.framer = framer;

    public List<(SipFrameKind Kind, byte[] Message, string? Error)> Frames { get; } = [];

    public static List<(SipFrameKind Kind, byte[] Message, string? Error)> Frame(IEnumerable<byte[]> chunks, SipFramingLimits? limits = null)
    {
        var stream = new ChunkedStream(new SipStreamFramer(limits));
        foreach (var chunk in chunks) stream.Receive(chunk);
        return stream.Frames;
    }

    public void Receive(byte[] chunk)
    {
        if (chunk.Length > 0) unread.Add(chunk);
        while (true)
        {
            var buffer = Sequence();
            var frame = framer.Read(ref buffer);
            Consume(Sequence().Length - buffer.Length);
            if (frame.Kind == SipFrameKind.NeedMoreData) return;
            Frames.Add((frame.Kind, frame.Message.ToArray(), frame.Error));
            if (frame.Kind == SipFrameKind.Error) return;
        }
    }

    private ReadOnlySequence<byte> Sequence()
    {
        if (unread.Count == 0) return ReadOnlySequence<byte>.Empty;
        var first = new Segment(unread[0], 0);
        var last = first;
        foreach (var chunk in unread.Skip(1)) last = last.Append(chunk);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private void Consume(long count)
    {
        while (count > 0)
        {
            if (unread[0].Length <= count)
            {
                count -= unread[0].Length;
                unread.RemoveAt(0);
            }
            else
            {
                unread[0] = unread[0][(int)count..];
                count = 0;
            }
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
