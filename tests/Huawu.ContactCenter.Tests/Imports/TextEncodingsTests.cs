using System.Text;
using Huawu.ContactCenter.Imports;

namespace Huawu.ContactCenter.Tests.Imports;

public sealed class TextEncodingsTests
{
    // The 64 KiB sample ends at every position inside and after a three-byte character (the ASCII prefix shifts them).
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_large_UTF8_file_of_Chinese_text_is_UTF8_wherever_the_sample_cuts_a_character(int asciiPrefix)
    {
        var text = new string('a', asciiPrefix) + string.Concat(Enumerable.Repeat("欧阳建国,13800138000\n", 8000));
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(text));
        Assert.True(stream.Length > 64 * 1024);

        Assert.Equal(Encoding.UTF8.WebName, TextEncodings.Detect(stream).WebName);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void A_large_GB18030_file_is_GB18030()
    {
        var gb18030 = Encoding.GetEncoding("GB18030");
        using var stream = new MemoryStream(gb18030.GetBytes(string.Concat(Enumerable.Repeat("欧阳建国,13800138000\n", 8000))));

        Assert.Equal(gb18030.WebName, TextEncodings.Detect(stream).WebName);
    }
}
