using Huawu.Robot.Dialogue;
using Huawu.Robot.Scripts;
using Huawu.Robot.Tests.Support;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Tests.Validation;

/// <summary>The AI disclosure is said first, cannot be barged in on, and is only removed with a stated reason.</summary>
public sealed class DisclosureTests
{
    private static string Script(string disclosure) => $$"""
        format: huawu-script/1
        name: t
        language: zh
        {{disclosure}}
        variables: {company: 华务}
        start: bye
        nodes:
          bye:
            say: 再见
            hangup: done
        """;

    [Fact]
    public void Without_a_disclosure_section_the_built_in_disclosure_is_said_first_and_cannot_be_barged_in_on()
    {
        TestScripts.Start(TestScripts.Load(Script("")), out var opening);
        var first = Assert.IsType<SayAction>(opening[0]);
        Assert.Equal(SpeechKind.Disclosure, first.Kind);
        Assert.Contains("AI", first.Text, StringComparison.Ordinal);
        Assert.False(first.BargeIn);
        Assert.Equal("再见", Assert.IsType<SayAction>(opening[1]).Text);
    }

    [Fact]
    public void A_custom_disclosure_is_rendered_with_variables()
    {
        TestScripts.Start(TestScripts.Load(Script("disclosure: 您好，我是{company}的AI助理。")), out var opening);
        Assert.Equal("您好，我是华务的AI助理。", TestScripts.Lines(opening).First());
    }

    [Fact]
    public void Disabling_without_a_reason_is_an_error_not_a_silent_removal()
    {
        var error = TestScripts.Single(Script("disclosure: {enabled: false}"), ScriptErrorCode.DisclosureWithoutReason);
        Assert.Equal(new SourcePosition(4, 13), error.Position);
        Assert.Contains("reason", error.Format(ScriptLanguage.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Disabling_with_a_reason_removes_it_and_keeps_the_reason()
    {
        var script = TestScripts.Load(Script("disclosure: {enabled: false, reason: 内部员工通知，已书面告知}"));
        Assert.False(script.DisclosureEnabled);
        Assert.Equal("内部员工通知，已书面告知", script.DisclosureDisabledReason);
        TestScripts.Start(script, out var opening);
        Assert.Equal(["再见"], TestScripts.Lines(opening));
    }
}
