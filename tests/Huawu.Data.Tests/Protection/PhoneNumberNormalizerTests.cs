using Huawu.Data.Protection;

namespace Huawu.Data.Tests.Protection;

public sealed class PhoneNumberNormalizerTests
{
    private readonly PhoneNumberNormalizer _china = new();

    [Theory]
    [InlineData("13812345678", "+8613812345678")]
    [InlineData("138 1234 5678", "+8613812345678")]
    [InlineData("138-1234-5678", "+8613812345678")]
    [InlineData(" +86 138 1234 5678 ", "+8613812345678")]
    [InlineData("+86-138-1234-5678", "+8613812345678")]
    [InlineData("008613812345678", "+8613812345678")]
    [InlineData("8613812345678", "+8613812345678")]
    [InlineData("(+86) 13812345678", "+8613812345678")]
    [InlineData("１３８１２３４５６７８", "+8613812345678")]
    [InlineData("＋８６ １３８ １２３４ ５６７８", "+8613812345678")]
    [InlineData("010-6552 9988", "+861065529988")]
    [InlineData("(0755) 8888 1234", "+8675588881234")]
    [InlineData("400-800-1234", "+864008001234")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    [InlineData("+44 (0)20 7946 0000", "+442079460000")]
    [InlineData("0044 20 7946 0000", "+442079460000")]
    public void Common_spellings_become_E164(string input, string expected)
    {
        Assert.True(_china.TryNormalize(input, out var e164), input);
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("65529988")]            // a landline without its area code
    [InlineData("1381234567")]          // a mobile one digit short
    [InlineData("+86 138 1234 56789")]  // and one too long
    [InlineData("138 1234 5678 ext 12")]
    [InlineData("13812345678'; DROP TABLE contacts; --")]
    [InlineData("+0 123 4567 8901")]
    [InlineData("+1234567890123456")]   // E.164 allows 15 digits at most
    [InlineData("1+3812345678")]
    public void Anything_that_is_not_clearly_one_number_is_refused(string input)
    {
        Assert.False(_china.TryNormalize(input, out var e164));
        Assert.Null(e164);
    }

    [Fact]
    public void Another_default_country_prefixes_its_own_code()
    {
        var uk = new PhoneNumberNormalizer("44");
        Assert.True(uk.TryNormalize("020 7946 0000", out var e164));
        Assert.Equal("+442079460000", e164);
        Assert.Throws<ArgumentException>(() => new PhoneNumberNormalizer("086"));
    }
}
