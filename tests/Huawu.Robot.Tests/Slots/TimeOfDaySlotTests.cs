using Huawu.Robot.Dialogue;
using Huawu.Robot.Scripts;
using Huawu.Robot.Slots;
using Huawu.Robot.Tests.Support;

namespace Huawu.Robot.Tests.Slots;

/// <summary>The time of day said with a date: what a promised callback is set for.</summary>
public sealed class TimeOfDaySlotTests
{
    [Theory]
    [InlineData("明天下午三点", "15:00")]
    [InlineData("明天下午吧", "14:00")]
    [InlineData("后天上午十点半", "10:30")]
    [InlineData("周五晚上七点", "19:00")]
    [InlineData("明天3点20分", "15:20")] // a bare 1-6 o'clock is the afternoon: nobody is called at 3 a.m.
    [InlineData("明天九点", "09:00")]
    [InlineData("明早", "09:00")]
    [InlineData("tomorrow at 3 pm", "15:00")]
    [InlineData("Friday 10:30 a.m.", "10:30")]
    [InlineData("tomorrow at 4", "16:00")]
    [InlineData("next Monday morning", "09:00")]
    [InlineData("tomorrow evening", "19:00")]
    public void Times_of_day(string said, string expected) => Assert.Equal(expected, SlotReader.TimeOfDay(said)?.Text);

    [Theory]
    [InlineData("明天")]
    [InlineData("3天后")]
    [InlineData("in 3 days")]
    [InlineData("March 5th")]
    [InlineData("15号")]
    public void A_day_alone_has_no_time(string said) => Assert.Null(SlotReader.TimeOfDay(said));

    [Fact]
    public void A_date_slot_said_with_a_time_keeps_the_time_beside_it_in_the_result()
    {
        var script = TestScripts.Load("""
            name: when
            language: zh
            disclosure: {enabled: false, reason: test}
            start: ask_day
            nodes:
              ask_day:
                say: 您哪天方便？
                collect: {slot: call_day, type: date}
                next: bye
              bye:
                say: 好的，到时再联系您。
                hangup: busy
            """);
        var call = TestScripts.Start(script, out _);
        call.Handle(new Heard("明天下午三点吧"));
        Assert.Equal(("2026-01-06", "15:00"), (call.Result!.Variables["call_day"], call.Result.Variables["call_day" + Script.TimeOfDaySuffix]));

        var dayOnly = TestScripts.Start(script, out _);
        dayOnly.Handle(new Heard("明天吧"));
        Assert.False(dayOnly.Result!.Variables.ContainsKey("call_day_time"));
    }
}
