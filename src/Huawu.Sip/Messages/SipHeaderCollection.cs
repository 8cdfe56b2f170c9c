namespace Huawu.Sip.Messages;

/// <summary>The header lines of a message in their original order.</summary>
public readonly struct SipHeaderCollection
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

    public struct Enumerator
    {
        private readonly SipHeaderCollection collection;
        private int index;

        internal Enumerator(SipHeaderCollection collection)
        {
            this.collection = collection;
            index = -1;
        }

        public readonly SipHeader Current => collection[index];

        public bool MoveNext() => ++index < collection.Count;
    }
}
