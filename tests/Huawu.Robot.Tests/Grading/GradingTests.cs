using Huawu.Robot.Dialogue;
using Huawu.Robot.Grading;
using Huawu.Robot.Tests.Support;

namespace Huawu.Robot.Tests.Grading;

/// <summary>Grading rules: the built-in A–F of issue 5 and editable rules over counters, outcome and slots.</summary>
public sealed class GradingTests
{
    // No grading section: the built-in rules apply.
    private const string BuiltIn = """
        format: huawu-script/1
        name: grading
        language: zh
        start: ask
        intents:
          question: {keywords: [怎么收费, 要多久], counts: business}
        nodes:
          ask:
            say: 有什么问题吗？
            routes:
              - intent: question
                goto: ask
        knowledge:
          entries:
            - {id: fee, question: 手续费多少, answer: 没有手续费}
        """;

    private static string? GradeAfter(string script, params ConversationInput[] inputs)
    {
        var call = TestScripts.Start(TestScripts.Load(script), out _);
        foreach (var input in inputs) call.Handle(input);
        if (!call.IsFinished) call.Handle(new HungUp());
        return call.Result!.Grade;
    }

    [Fact]
    public void A_two_business_questions_and_no_refusal() =>
        Assert.Equal("A", GradeAfter(BuiltIn, new Heard("怎么收费"), new Heard("手续费多少")));

    [Fact]
    public void B_one_question_and_at_most_one_refusal() =>
        Assert.Equal("B", GradeAfter(BuiltIn, new Heard("要多久"), new Heard("不感兴趣")));

    [Fact]
    public void C_otherwise() => Assert.Equal("C", GradeAfter(BuiltIn, new NoInput()));

    [Fact]
    public void D_busy() => Assert.Equal("D", GradeAfter(BuiltIn, new Heard("我在开会")));

    [Fact]
    public void F_wrong_number() => Assert.Equal("F", GradeAfter(BuiltIn, new Heard("你打错了")));

    [Fact]
    public void E_not_connected_by_the_same_rules()
    {
        var script = TestScripts.Load(BuiltIn);
        Assert.Equal("E", UnconnectedCall.Grade(script, "no_answer"));
        Assert.Equal("E", UnconnectedCall.Grade(script, "invalid"));
    }

    [Fact]
    public void Rules_are_editable_and_the_first_that_holds_wins()
    {
        var custom = BuiltIn + """

            variables: {vip: "no"}
            grading:
              - {grade: VIP, when: "vip == 'yes' && hits.question >= 1"}
              - {grade: HOT, when: "business_questions >= 1 && rounds <= 1"}
              - {grade: COLD, when: "outcome == 'callee_hangup'"}
            """;
        Assert.Equal("HOT", GradeAfter(custom, new Heard("怎么收费")));
        Assert.Equal("COLD", GradeAfter(custom, new Heard("怎么收费"), new Heard("要多久")));
        var call = TestScripts.Start(TestScripts.Load(custom), out _, new Dictionary<string, string> { ["vip"] = "yes" });
        call.Handle(new Heard("怎么收费"));
        call.Handle(new HungUp());
        Assert.Equal("VIP", call.Result!.Grade);
    }

    [Fact]
    public void No_rule_that_holds_leaves_the_call_ungraded()
    {
        var custom = BuiltIn + "\ngrading:\n  - {grade: A, when: \"business_questions >= 5\"}\n";
        Assert.Null(GradeAfter(custom, new Heard("怎么收费")));
    }
}
