using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;
using Huawu.Robot.Slots;

namespace Huawu.Robot.Tests.Slots;

public sealed class NumberSlotTests
{
    private static double? Read(string said) => SlotReader.FromSpeech(SlotType.Number, said, new DateOnly(2026, 1, 5)) is { } v ? v.Number : null;

    [Theory]
    [InlineData("50000", 50000)]
    [InlineData("借５０，０００元", 50000)]
    [InlineData("大概3.5万吧", 35000)]
    [InlineData("5千", 5000)]
    [InlineData("三万五", 35000)]
    [InlineData("三万五千", 35000)]
    [InlineData("一百零五", 105)]
    [InlineData("两千五", 2500)]
    [InlineData("十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("三点五万", 35000)]
    [InlineData("一万二", 12000)]
    [InlineData("三十万", 300000)]
    [InlineData("一亿", 100000000)]
    [InlineData("尾号一三八", 138)]
    [InlineData("我想了解一下，借五万", 50000)]
    [InlineData("一般吧，三分", 3)]
    [InlineData("twenty five thousand dollars", 25000)]
    [InlineData("one hundred and five", 105)]
    [InlineData("Around twenty-five.", 25)]
    [InlineData("five and six", 5)]
    [InlineData("I'd say 7 out of ten", 7)]
    public void Reads_the_first_number_in_Arabic_Chinese_and_English(string said, double expected) => Assert.Equal(expected, Read(said));

    [Theory]
    [InlineData("我也不知道")]
    [InlineData("十分感谢")]
    [InlineData("no idea")]
    public void Finds_no_number_where_there_is_none(string said) => Assert.Null(Read(said));

    [Fact]
    public void Keys_fill_numbers_and_yes_no_by_convention()
    {
        Assert.Equal(ScriptValue.Of(1234), SlotReader.FromKeys(SlotType.Number, "1234"));
        Assert.Null(SlotReader.FromKeys(SlotType.Number, "12#"));
        Assert.Equal(ScriptValue.Of(true), SlotReader.FromKeys(SlotType.YesNo, "1"));
        Assert.Equal(ScriptValue.Of(false), SlotReader.FromKeys(SlotType.YesNo, "2"));
        Assert.Null(SlotReader.FromKeys(SlotType.Date, "1"));
    }
}
