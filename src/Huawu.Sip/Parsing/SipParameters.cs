using System.Collections;
using System.Text;

namespace Huawu.Sip.Parsing;

/// <summary>
/// The parameters of a header field (generic-param) or of a URI (uri-parameter), parsed on enumeration
/// from the message bytes. Names compare case-insensitively.
/// </summary>
public readonly struct SipParameters : IEnumerable<SipParameter>
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly ByteRange range;
    private readonly bool isUriParameters;

    internal SipParameters(ReadOnlyMemory<byte> source, ByteRange range, bool isUriParameters)
    {
        this.source = source;
        this.range = range;
        this.isUriParameters = isUriParameters;
    }

    public bool IsEmpty => range.IsEmpty;

    /// <summary>The parameters as written, starting with the first ';'.</summary>
    public ReadOnlySpan<byte> RawBytes => range.Of(source.Span);

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SipParameter> IEnumerable<SipParameter>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool TryGet(ReadOnlySpan<byte> name, out SipParameter parameter)
    {
        foreach (var candidate in this)
        {
            if (candidate.NameEquals(name))
            {
                parameter = candidate;
                return true;
            }
        }
        parameter = default;
        return false;
    }

    public bool Contains(ReadOnlySpan<byte> name) => TryGet(name, out _);

    public bool Contains(string name) => Contains(Encoding.UTF8.GetBytes(name));

    /// <summary>The value of <paramref name="name"/>: null when absent, "" when present without a value.</summary>
    public string? GetValue(string name) =>
        TryGet(Encoding.UTF8.GetBytes(name), out var parameter) ? parameter.Value ?? "" : null;

    public override string ToString() => Encoding.UTF8.GetString(RawBytes);

    public struct Enumerator : IEnumerator<SipParameter>
    {
        private readonly SipParameters parameters;
        private int position;

        internal Enumerator(SipParameters parameters)
        {
            this.parameters = parameters;
            position = parameters.range.Start;
        }

        public SipParameter Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public void Reset() => position = parameters.range.Start;

        public readonly void Dispose()
        {
        }

        public bool MoveNext()
        {
            var reader = new SipReader(parameters.source.Span, ByteRange.FromBounds(position, parameters.range.End));
            var read = parameters.isUriParameters
                ? ParameterSyntax.ReadUriParameter(ref reader, out var ranges)
                : ParameterSyntax.ReadHeaderParameter(ref reader, out ranges);
            position = reader.Position;
            if (read != ParameterRead.Read) return false;
            Current = new SipParameter(parameters.source, ranges, parameters.isUriParameters);
            return true;
        }
    }
}
