using Huawu.Robot.Scripts;
using Huawu.Robot.Slots;

namespace Huawu.Robot.Tests.Slots;

public sealed class YesNoSlotTests
{
    private static bool? Read(string said) => SlotReader.FromSpeech(SlotType.YesNo, said, new DateOnly(2026, 1, 5)) is { } v ? v.AsBoolean : null;

    [Theory]
    [InlineData("是的", true)]
    [InlineData("对，是我", true)]
    [InlineData("好的", true)]
    [InlineData("嗯", true)]
    [InlineData("可以", true)]
    [InlineData("没问题", true)]
    [InlineData("不错", true)]
    [InlineData("好，不过要快一点", true)]
    [InlineData("不", false)]
    [InlineData("不用了", false)]
    [InlineData("不是", false)]
    [InlineData("不好", false)]
    [InlineData("嗯，不用了", false)]
    [InlineData("没有", false)]
    [InlineData("不愿意", false)]
    [InlineData("yes", true)]
    [InlineData("Yeah, sure.", true)]
    [InlineData("Of course", true)]
    [InlineData("no problem", true)]
    [InlineData("no", false)]
    [InlineData("Nope.", false)]
    [InlineData("I don't think so", false)]
    public void Reads_yes_and_no(string said, bool expected) => Assert.Equal(expected, Read(said));

    [Theory]
    [InlineData("不知道")]
    [InlineData("我不确定")]
    [InlineData("I don't know")]
    [InlineData("maybe")]
    [InlineData("要问多久啊")]
    [InlineData("是吗？")]
    [InlineData("what is it about")]
    [InlineData("the weather")]
    public void Uncertainty_questions_and_other_talk_are_no_answer(string said) => Assert.Null(Read(said));
}
