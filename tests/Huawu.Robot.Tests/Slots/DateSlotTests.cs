using Huawu.Robot.Scripts;
using Huawu.Robot.Slots;

namespace Huawu.Robot.Tests.Slots;

/// <summary>Dates relative to an injected today: Monday 5 January 2026 (ISO 8601 weeks start on Monday).</summary>
public sealed class DateSlotTests
{
    private static readonly DateOnly Monday = new(2026, 1, 5);

    private static string? Read(string said, DateOnly? today = null) =>
        SlotReader.FromSpeech(SlotType.Date, said, today ?? Monday)?.Text;

    [Theory]
    [InlineData("今天", "2026-01-05")]
    [InlineData("明天下午吧", "2026-01-06")]
    [InlineData("后天", "2026-01-07")]
    [InlineData("大后天", "2026-01-08")]
    [InlineData("下周三", "2026-01-14")]
    [InlineData("下个星期一", "2026-01-12")]
    [InlineData("这周五", "2026-01-09")]
    [InlineData("周日", "2026-01-11")]
    [InlineData("星期天", "2026-01-11")]
    [InlineData("下下周二", "2026-01-20")]
    [InlineData("3月5号", "2026-03-05")]
    [InlineData("三月五日", "2026-03-05")]
    [InlineData("十五号", "2026-01-15")]
    [InlineData("下个月5号", "2026-02-05")]
    [InlineData("3天后", "2026-01-08")]
    [InlineData("2026年2月1日", "2026-02-01")]
    public void Chinese_dates(string said, string expected) => Assert.Equal(expected, Read(said));

    [Theory]
    [InlineData("today", "2026-01-05")]
    [InlineData("Tomorrow morning", "2026-01-06")]
    [InlineData("the day after tomorrow", "2026-01-07")]
    [InlineData("next Monday", "2026-01-12")]
    [InlineData("this Friday", "2026-01-09")]
    [InlineData("on Wednesday", "2026-01-07")]
    [InlineData("March 5th", "2026-03-05")]
    [InlineData("5 March", "2026-03-05")]
    [InlineData("the twenty first of February", "2026-02-21")]
    [InlineData("the 15th", "2026-01-15")]
    [InlineData("in three days", "2026-01-08")]
    [InlineData("2026-02-28", "2026-02-28")]
    public void English_dates(string said, string expected) => Assert.Equal(expected, Read(said));

    [Fact]
    public void Past_days_roll_forward()
    {
        var late = new DateOnly(2026, 12, 20);
        Assert.Equal("2027-01-03", Read("3号", late));
        Assert.Equal("2027-03-05", Read("March 5", late));
        // A bare weekday is today or the next one.
        Assert.Equal("2026-01-05", Read("Monday"));
    }

    [Theory]
    [InlineData("我也说不好")]
    [InlineData("February 30")]
    [InlineData("whenever")]
    public void Finds_no_date_where_there_is_none(string said) => Assert.Null(Read(said));
}
