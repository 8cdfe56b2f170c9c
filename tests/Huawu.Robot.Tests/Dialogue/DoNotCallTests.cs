using Huawu.Robot.Dialogue;
using Huawu.Robot.Tests.Support;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Tests.Dialogue;

/// <summary>"不要再打了" / "don't call me again" adds the number to the do-not-call list at once, wherever the call is.</summary>
public sealed class DoNotCallTests
{
    [Theory]
    [InlineData("不要再打了")]
    [InlineData("以后别再给我打电话了")]
    [InlineData("你们不要再给我打电话了好吗")]
    public void The_do_not_call_action_comes_first_even_where_a_node_intent_would_also_match(string said)
    {
        // The node's own intent "refuse" has the keyword 不要; do-not-call is still checked first.
        var call = TestScripts.Start(TestScripts.Load(DialogueScripts.Basic), out _);
        var actions = call.Handle(new Heard(said));
        Assert.IsType<DoNotCallAction>(actions[0]);
        Assert.Equal("好的，已为您登记，以后不会再打扰您。再见。", Assert.IsType<SayAction>(actions[1]).Text);
        Assert.Equal("do_not_call", Assert.IsType<HangUpAction>(actions[^1]).Outcome);
        Assert.True(call.Result!.AddedToDoNotCall);
        Assert.Equal(1, call.Result.Counters.Refusals);
    }

    [Fact]
    public void It_is_recognized_while_collecting_a_slot()
    {
        var call = TestScripts.Start(TestScripts.Load(DialogueScripts.Basic), out _);
        call.Handle(new Heard("我在开会"));
        Assert.Equal("quiet", call.CurrentNode);
        var actions = call.Handle(new Heard("两万，还有别再打了"));
        Assert.IsType<DoNotCallAction>(actions[0]);
        Assert.True(call.IsFinished);
    }

    [Fact]
    public void English_callers_are_understood_too()
    {
        var script = TestScripts.Load(DialogueScripts.Basic.Replace("language: zh", "language: en", StringComparison.Ordinal));
        var call = TestScripts.Start(script, out _);
        var actions = call.Handle(new Heard("Please take me off your list."));
        Assert.IsType<DoNotCallAction>(actions[0]);
        Assert.Equal("Understood. You won't be called again. Goodbye.", TestScripts.Lines(actions).Single());
    }

    [Fact]
    public void A_script_may_change_the_words_but_not_the_ending()
    {
        var errors = TestScripts.Errors(DialogueScripts.Basic.Replace("  busy: {then: {goto: quiet}}",
            "  busy: {then: {goto: quiet}}\n  do_not_call: {say: 好的。, then: reprompt}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == ScriptErrorCode.UnknownKey && e.Arguments[0] == "then");
    }
}
