using System.Globalization;
using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Building;

/// <summary>Canonical serialization (RFC 3261 §7): start line, "Name: value" lines, Content-Length, CRLF, body.</summary>
internal static class SipMessageWriter
{
    private static ReadOnlySpan<byte> Version => "SIP/2.0"u8;

    private static ReadOnlySpan<byte> ContentLengthPrefix => "Content-Length: "u8;

    public static int GetByteCount(SipMessageBuilder message)
    {
        var count = message.IsRequest
            ? MethodByteCount(message.Method) + 1 + message.RequestUriText.ByteCount + 1 + Version.Length + 2
            : Version.Length + 5 + Encoding.UTF8.GetByteCount(message.ReasonPhrase) + 2;
        foreach (var header in message.HeaderList)
        {
            count += NameByteCount(header) + 2 + header.Value.ByteCount + 2;
        }
        return count + ContentLengthPrefix.Length + DigitCount(message.Body.Length) + 4 + message.Body.Length;
    }

    public static int Write(SipMessageBuilder message, Span<byte> destination)
    {
        var position = message.IsRequest ? WriteRequestLine(message, destination) : WriteStatusLine(message, destination);
        foreach (var header in message.HeaderList)
        {
            position += WriteName(header, destination[position..]);
            position += Append(": "u8, destination, position);
            position += header.Value.WriteTo(destination[position..]);
            position += Append("\r\n"u8, destination, position);
        }
        position += Append(ContentLengthPrefix, destination, position);
        position += WriteNumber(message.Body.Length, destination[position..]);
        position += Append("\r\n\r\n"u8, destination, position);
        return position + Append(message.Body.Span, destination, position);
    }

    private static int WriteRequestLine(SipMessageBuilder message, Span<byte> destination)
    {
        var method = message.Method;
        var position = method.Known != KnownMethod.Unknown
            ? Append(SipMethod.NameBytesOf(method.Known), destination, 0)
            : Encoding.UTF8.GetBytes(method.Name, destination);
        destination[position++] = (byte)' ';
        position += message.RequestUriText.WriteTo(destination[position..]);
        destination[position++] = (byte)' ';
        position += Append(Version, destination, position);
        return position + Append("\r\n"u8, destination, position);
    }

    private static int WriteStatusLine(SipMessageBuilder message, Span<byte> destination)
    {
        var position = Append(Version, destination, 0);
        destination[position++] = (byte)' ';
        position += WriteNumber(message.StatusCode, destination[position..]);
        destination[position++] = (byte)' ';
        position += Encoding.UTF8.GetBytes(message.ReasonPhrase, destination[position..]);
        return position + Append("\r\n"u8, destination, position);
    }

    private static int MethodByteCount(SipMethod method) =>
        method.Known != KnownMethod.Unknown ? SipMethod.NameBytesOf(method.Known).Length : Encoding.UTF8.GetByteCount(method.Name);

    private static int NameByteCount(BuiltHeader header) =>
        header.Name is null ? HeaderNames.Get(header.Id).NameBytes.Length : Encoding.UTF8.GetByteCount(header.Name);

    private static int WriteName(BuiltHeader header, Span<byte> destination) =>
        header.Name is null ? Append(HeaderNames.Get(header.Id).NameBytes, destination, 0) : Encoding.UTF8.GetBytes(header.Name, destination);

    private static int WriteNumber(int value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    private static int DigitCount(int value)
    {
        var digits = 1;
        while ((value /= 10) > 0) digits++;
        return digits;
    }

    private static int Append(ReadOnlySpan<byte> bytes, Span<byte> destination, int position)
    {
        bytes.CopyTo(destination[position..]);
        return bytes.Length;
    }
}
