using Huawu.Robot.Localization;
using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Tests.Localization;

public sealed class ScriptMessagesTests
{
    [Fact]
    public void Every_error_code_has_a_Chinese_and_an_English_message_using_its_arguments()
    {
        string[] arguments = ["ARG0", "ARG1", "ARG2"];
        foreach (var code in Enum.GetValues<ScriptErrorCode>())
        {
            var zh = ScriptMessages.Describe(code, arguments, ScriptLanguage.Zh);
            var en = ScriptMessages.Describe(code, arguments, ScriptLanguage.En);
            Assert.NotEqual(zh, en);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", en);
        }
    }

    [Fact]
    public void Expected_shapes_are_said_in_Chinese()
    {
        var error = new ScriptError(ScriptErrorCode.WrongType, "ask", new SourcePosition(3, 5), ["max_rounds", "a whole number"]);
        Assert.Equal("t.yaml:3:5: 节点 'ask'：'max_rounds' 应为整数", error.Format(ScriptLanguage.Zh, "t.yaml"));
        Assert.Equal("t.yaml:3:5: node 'ask': 'max_rounds' must be a whole number", error.Format(ScriptLanguage.En, "t.yaml"));
    }

    [Theory]
    [InlineData("zh", ScriptLanguage.Zh)]
    [InlineData("zh_CN.UTF-8", ScriptLanguage.Zh)]
    [InlineData("en-US", ScriptLanguage.En)]
    [InlineData("fr", null)]
    [InlineData(null, null)]
    public void Language_options_and_locales_are_read(string? value, ScriptLanguage? expected) => Assert.Equal(expected, UiLanguage.Parse(value));

    [Fact]
    public void A_script_s_declared_language_is_read_even_when_it_does_not_load() =>
        Assert.Equal(ScriptLanguage.En, Huawu.Robot.Loading.ScriptLoader.DeclaredLanguage("name: x\nlanguage: en\nnodes: [broken\n"));
}
