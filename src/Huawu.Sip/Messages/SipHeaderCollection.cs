using System.Collections;

namespace Huawu.Sip.Messages;

/// <summary>The header lines of a message in their original order.</summary>
public readonly struct SipHeaderCollection : IReadOnlyList<SipHeader>
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly HeaderField[] fields;

    internal SipHeaderCollection(ReadOnlyMemory<byte> source, HeaderField[] fields)
    {
        this.source = source;
        this.fields = fields;
    }

    public int Count => fields.Length;

    public SipHeader this[int index] => new(source, fields[index]);

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SipHeader> IEnumerable<SipHeader>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<SipHeader>
    {
        private readonly SipHeaderCollection collection;
        private int index;

        internal Enumerator(SipHeaderCollection collection)
        {
            this.collection = collection;
            index = -1;
        }

        public readonly SipHeader Current => collection[index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++index < collection.Count;

        public void Reset() => index = -1;

        public readonly void Dispose()
        {
        }
    }
}
