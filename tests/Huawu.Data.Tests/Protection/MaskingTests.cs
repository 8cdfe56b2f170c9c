using Huawu.Data.Protection;

namespace Huawu.Data.Tests.Protection;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+8613812345678", "138****5678")]
    [InlineData("138-1234-5678", "138****5678")]
    [InlineData("+14155552671", "+141****2671")]
    [InlineData("+861065529988", "106***9988")]
    [InlineData("95588", "*****")]
    public void Phone_numbers_keep_three_leading_and_four_trailing_digits(string input, string expected) =>
        Assert.Equal(expected, Masking.Mask(DataClass.PhoneNumber, input));

    [Theory]
    [InlineData("张伟", "张*")]
    [InlineData("欧阳建国", "欧***")]
    [InlineData("Margaret Thornton", "M*** T***")]
    [InlineData("Li", "L***")]
    public void Names_keep_the_first_character(string input, string expected) =>
        Assert.Equal(expected, Masking.Mask(DataClass.PersonName, input));

    [Theory]
    [InlineData("11010119900307123X", "110***********123X")]
    [InlineData("1101 0119 9003 0712 3x", "110***********123X")]
    [InlineData("G1234567", "********")]
    public void Id_numbers_keep_region_and_check_digit(string input, string expected) =>
        Assert.Equal(expected, Masking.Mask(DataClass.IdNumber, input));

    [Theory]
    [InlineData(DataClass.Note)]
    [InlineData(DataClass.Transcript)]
    [InlineData(DataClass.Variable)]
    public void Free_text_shows_nothing(DataClass dataClass) =>
        Assert.Equal("****", Masking.Mask(dataClass, "客户说下周再打"));
}
