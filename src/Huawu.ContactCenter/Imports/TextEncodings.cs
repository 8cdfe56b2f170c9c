using System.Text;

namespace Huawu.ContactCenter.Imports;

/// <summary>
/// The encoding of a delimited file: its byte-order mark if it has one, else UTF-8 if its first 64 KiB decode as UTF-8, else
/// GB18030 — what Excel for Chinese Windows saves "CSV" as, and a superset of GBK and GB2312.
/// </summary>
internal static class TextEncodings
{
    private const int Sample = 64 * 1024;

    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Detect(Stream stream)
    {
        var buffer = new byte[Sample];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var sample = buffer.AsSpan(0, read);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(true);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        // A sample cut inside a character leaves up to 3 bytes of it: judge the text before them.
        var judged = read == Sample ? sample[..^3] : sample;
        return System.Text.Unicode.Utf8.IsValid(judged) ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
    }
}
