using Huawu.ContactCenter.Dialing;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Loading;
using Huawu.Robot.Samples;

namespace Huawu.ContactCenter.Tests.Dialing;

public sealed class AskedCallbackTests
{
    private static ConversationResult Ended(string outcome, Dictionary<string, string> variables) =>
        new(outcome, null, [], variables, new ConversationCounters(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, int>()), false, []);

    [Fact]
    public void The_day_asked_for_is_the_scripts_date_slot_and_nothing_else()
    {
        // The appointment reminder collects new_date as a date; its other variables are not days, whatever they hold.
        var script = ScriptLoader.Load(SampleScripts.Read("appointment-reminder.en.yaml")!).Script!;
        Assert.Equal(["new_date"], script.DateSlots);

        Assert.Equal(new AskedCallback("busy", new DateOnly(2026, 1, 8)),
            AskedCallback.Of(script, Ended("busy", new() { ["new_date"] = "2026-01-08", ["appointment_date"] = "2026-01-09" })));
        Assert.Equal(new AskedCallback("busy", new DateOnly(2026, 1, 8), new TimeOnly(15, 0)),
            AskedCallback.Of(script, Ended("busy", new() { ["new_date"] = "2026-01-08", ["new_date_time"] = "15:00" })));
        Assert.Equal(new AskedCallback("callback"), AskedCallback.Of(script, Ended("callback", new() { ["appointment_date"] = "2026-01-09" })));
        Assert.Equal(new AskedCallback("busy"), AskedCallback.Of(script, Ended("busy", new() { ["new_date"] = "next week sometime" })));
    }
}
