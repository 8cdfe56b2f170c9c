using Huawu.Sip.Parsing;

namespace Huawu.Sip.Headers;

/// <summary>Reads one element of a header value at the reader's position, stopping before a COMMA or the end.</summary>
internal delegate bool ElementReader<T>(ReadOnlyMemory<byte> source, ref SipReader reader, HeaderId header, out T element);
