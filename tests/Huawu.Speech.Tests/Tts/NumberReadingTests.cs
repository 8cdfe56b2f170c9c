using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Reading;

namespace Huawu.Speech.Tests.Tts;

public class NumberReadingTests
{
    [Theory]
    [InlineData("0", "零")]
    [InlineData("2", "二")]
    [InlineData("10", "十")]
    [InlineData("12", "十二")]
    [InlineData("20", "二十")]
    [InlineData("22", "二十二")]
    [InlineData("100", "一百")]
    [InlineData("101", "一百零一")]
    [InlineData("110", "一百一十")]
    [InlineData("200", "两百")]
    [InlineData("222", "两百二十二")]
    [InlineData("1001", "一千零一")]
    [InlineData("1010", "一千零一十")]
    [InlineData("2000", "两千")]
    [InlineData("2222", "两千两百二十二")]
    [InlineData("10000", "一万")]
    [InlineData("10010", "一万零一十")]
    [InlineData("12000", "一万两千")]
    [InlineData("20000", "两万")]
    [InlineData("22000", "两万两千")]
    [InlineData("100000", "十万")]
    [InlineData("120000", "十二万")]
    [InlineData("1000000", "一百万")]
    [InlineData("10200000", "一千零二十万")]
    [InlineData("100000001", "一亿零一")]
    [InlineData("200000000", "两亿")]
    [InlineData("110000000", "一亿一千万")]
    [InlineData("100010000", "一亿零一万")]
    [InlineData("1,234", "一千两百三十四")]
    [InlineData("-3", "负三")]
    [InlineData("2.5", "二点五")]
    [InlineData("0.05", "零点零五")]
    [InlineData("3.14", "三点一四")]
    [InlineData("007", "七")]
    public void Mandarin_cardinals_follow_the_liang_er_and_ling_rules(string value, string reading) =>
        Assert.Equal(reading, NumberReading.Read(SayAsKind.Cardinal, value, "zh-CN"));

    [Theory]
    // Mobile numbers in 3-4-4, 1 read as 幺; a landline's area code apart; the caller's own grouping kept.
    [InlineData("13812345678", "幺三八，幺二三四，五六七八")]
    [InlineData("138-1234-5678", "幺三八，幺二三四，五六七八")]
    [InlineData("+86 138 1234 5678", "加八六，幺三八，幺二三四，五六七八")]
    [InlineData("01012345678", "零幺零，幺二三四五六七八")]
    [InlineData("075512345678", "零七五五，幺二三四五六七八")]
    [InlineData("(021) 6212-0000", "零二幺，六二幺二，零零零零")]
    [InlineData("95588", "九五五八八")]
    [InlineData("110", "幺幺零")]
    public void Mandarin_telephone_numbers_say_one_as_yao_in_groups(string value, string reading) =>
        Assert.Equal(reading, NumberReading.Read(SayAsKind.Telephone, value, "cmn"));

    [Theory]
    [InlineData("2024", "二零二四")]
    [InlineData("0012", "零零一二")]
    [InlineData("12 34", "一二，三四")]
    public void Mandarin_digits_are_read_one_by_one(string value, string reading) =>
        Assert.Equal(reading, NumberReading.Read(SayAsKind.Digits, value, "zh"));

    [Theory]
    [InlineData("0", "zero")]
    [InlineData("7", "seven")]
    [InlineData("13", "thirteen")]
    [InlineData("40", "forty")]
    [InlineData("42", "forty-two")]
    [InlineData("100", "one hundred")]
    [InlineData("105", "one hundred and five")]
    [InlineData("999", "nine hundred and ninety-nine")]
    [InlineData("1000", "one thousand")]
    [InlineData("1005", "one thousand and five")]
    [InlineData("2024", "two thousand and twenty-four")]
    [InlineData("1,234", "one thousand two hundred and thirty-four")]
    [InlineData("1000000", "one million")]
    [InlineData("1000001", "one million and one")]
    [InlineData("3005000", "three million five thousand")]
    [InlineData("-12.5", "minus twelve point five")]
    [InlineData("0.25", "zero point two five")]
    public void English_cardinals(string value, string reading) =>
        Assert.Equal(reading, NumberReading.Read(SayAsKind.Cardinal, value, "en-US"));

    [Theory]
    [InlineData("4155550100", "four one five, five five five, zero one zero zero")]
    [InlineData("+1 415-555-0100", "plus one, four one five, five five five, zero one zero zero")]
    [InlineData("13812345678", "one three eight, one two three four, five six seven eight")]
    public void English_telephone_numbers_in_groups(string value, string reading) =>
        Assert.Equal(reading, NumberReading.Read(SayAsKind.Telephone, value, "en"));

    [Fact]
    public void English_digits_one_by_one() =>
        Assert.Equal("two zero two four", NumberReading.Read(SayAsKind.Digits, "2024", "en-gb"));

    [Fact]
    public void A_value_without_digits_or_a_language_without_a_table_has_no_reading()
    {
        Assert.Null(NumberReading.Read(SayAsKind.Cardinal, "twelve", "en"));
        Assert.Null(NumberReading.Read(SayAsKind.Digits, "2024", "de"));
    }

    [Fact]
    public void Numbers_too_long_to_be_cardinals_are_read_as_digits()
    {
        Assert.Equal(new string('一', 17), NumberReading.Read(SayAsKind.Cardinal, new string('1', 17), "zh"));
        Assert.Equal("一" + new string('零', 16), NumberReading.Read(SayAsKind.Cardinal, "1" + new string('0', 16), "zh"));
    }
}
