using System.Text;

namespace Huawu.Data.Tests.Support;

/// <summary>
/// Looks for values in every common encoding in the bytes of files: the phone number spelled with and without
/// country code, with spaces or dashes, and each spelling (and each name) in UTF-8, UTF-16 (both byte orders)
/// and GB18030, the encoding Chinese systems most often use.
/// </summary>
public static class PlaintextScanner
{
    private static readonly Encoding[] Encodings = CreateEncodings();

    public static IEnumerable<string> PhoneSpellings(string national) =>
    [
        national, "+86" + national, "86" + national, "0086" + national,
        $"{national[..3]} {national[3..7]} {national[7..]}", $"{national[..3]}-{national[3..7]}-{national[7..]}",
        $"+86 {national[..3]} {national[3..7]} {national[7..]}", $"+86-{national[..3]}-{national[3..7]}-{national[7..]}",
    ];

    public static IEnumerable<(string Text, byte[] Bytes, string Encoding)> Needles(IEnumerable<string> values) =>
        values.SelectMany(v => Encodings.Select(e => (v, e.GetBytes(v), e.WebName))).DistinctBy(n => Convert.ToHexString(n.Item2));

    /// <summary>Every (file, value, encoding) where a needle occurs.</summary>
    public static List<string> Find(IEnumerable<string> files, IReadOnlyList<(string Text, byte[] Bytes, string Encoding)> needles)
    {
        var found = new List<string>();
        foreach (var file in files)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                continue; // a file that vanished between listing and reading (a WAL segment recycled)
            }
            foreach (var (text, bytes, encoding) in needles)
            {
                if (content.AsSpan().IndexOf(bytes) >= 0) found.Add($"{file}: '{text}' as {encoding}");
            }
        }
        return found;
    }

    private static Encoding[] CreateEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return [new UTF8Encoding(false), new UnicodeEncoding(false, false), new UnicodeEncoding(true, false), Encoding.GetEncoding("GB18030")];
    }
}
