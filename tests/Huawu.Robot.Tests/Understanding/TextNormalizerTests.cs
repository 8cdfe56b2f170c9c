using Huawu.Robot.Understanding;

namespace Huawu.Robot.Tests.Understanding;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("我想了解一下。", "我想了解一下")]
    [InlineData("ＡＢＣ１２３，你好！", "abc123 你好")]
    [InlineData("  Don't   CALL me  again!! ", "dont call me again")]
    [InlineData("好的，，，可以？", "好的 可以")]
    [InlineData("　全角空格　", "全角空格")]
    [InlineData("", "")]
    public void Folds_width_case_apostrophes_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("借５０，０００元", "借50000元")]
    [InlineData("1,2,3", "1,2,3")]
    [InlineData("2026-03-05", "2026-03-05")]
    [InlineData("NEXT Monday", "next monday")]
    public void The_slot_form_keeps_punctuation_but_drops_thousands_separators(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Fold(input));
}
