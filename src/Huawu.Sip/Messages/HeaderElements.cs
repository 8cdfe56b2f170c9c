using System.Collections;
using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Messages;

/// <summary>
/// The elements of one header across all its lines, in order ("Via: a, b" then "v: c" gives a, b, c), each
/// parsed on enumeration. Enumeration ends at the first malformed element; <see cref="SipMessage.TryValidateHeaders"/>
/// (which the request validator runs) rejects such messages up front.
/// </summary>
public readonly struct HeaderElements<T> : IEnumerable<T>
{
    private readonly SipMessage message;
    private readonly HeaderId header;
    private readonly ElementReader<T> read;
    private readonly byte[]? unknownName;

    internal HeaderElements(SipMessage message, HeaderId header, ElementReader<T> read, byte[]? unknownName = null)
    {
        this.message = message;
        this.header = header;
        this.read = read;
        this.unknownName = unknownName;
    }

    /// <summary>Whether the message has no line of this header.</summary>
    public bool IsAbsent => new Enumerator(this).NextField(message.HeaderTable, 0) < 0;

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool TryGetFirst(out T first)
    {
        var enumerator = GetEnumerator();
        var found = enumerator.MoveNext();
        first = found ? enumerator.Current : default!;
        return found;
    }

    /// <summary>Counts the elements without allocating (LINQ's Count would box the enumerator).</summary>
    public int Count()
    {
        var count = 0;
        foreach (var _ in this) count++;
        return count;
    }

    public struct Enumerator : IEnumerator<T>
    {
        private readonly HeaderElements<T> elements;
        private int fieldIndex;
        private int position;
        private int lineEnd;
        private bool finished;

        internal Enumerator(HeaderElements<T> elements)
        {
            this.elements = elements;
            fieldIndex = -1;
            position = -1;
            Current = default!;
        }

        public T Current { get; private set; }

        readonly object? IEnumerator.Current => Current;

        public void Reset()
        {
            fieldIndex = -1;
            position = -1;
            finished = false;
        }

        public readonly void Dispose()
        {
        }

        public bool MoveNext()
        {
            if (finished) return false;
            var fields = elements.message.HeaderTable;
            var source = elements.message.Buffer;
            while (position < 0)
            {
                fieldIndex = NextField(fields, fieldIndex + 1);
                if (fieldIndex < 0)
                {
                    finished = true;
                    return false;
                }
                var value = fields[fieldIndex].Value;
                // An empty line of a list header holds no elements (RFC 3261 §20.1: "Accept:" accepts nothing).
                if (!value.IsEmpty)
                {
                    position = value.Start;
                    lineEnd = value.End;
                }
            }

            var reader = new SipReader(source.Span, ByteRange.FromBounds(position, lineEnd));
            if (!elements.read(source, ref reader, elements.header, out var element)
                || !ListSyntax.TryReadSeparator(ref reader, out var more))
            {
                finished = true;
                return false;
            }
            Current = element;
            position = more ? reader.Position : -1;
            return true;
        }

        internal readonly int NextField(HeaderField[] fields, int from)
        {
            for (var i = from; i < fields.Length; i++)
            {
                if (fields[i].Id == elements.header
                    && (elements.unknownName is null || Ascii.EqualsIgnoreCase(fields[i].Name.Of(elements.message.Buffer.Span), elements.unknownName)))
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
