using Huawu.Robot.Dialogue;
using Huawu.Robot.Rehearsal;
using Huawu.Robot.Scripts;
using Huawu.Robot.Tests.Dialogue;
using Huawu.Robot.Tests.Support;
using Huawu.Testing;

namespace Huawu.Robot.Tests.Rehearsal;

/// <summary>The interactive tester: typed lines are the callee; commands stand for the rest of a call.</summary>
public sealed class ScriptConsoleTests
{
    [Theory]
    [InlineData("你好", typeof(Heard))]
    [InlineData("/dtmf 1 2", typeof(KeysPressed))]
    [InlineData("/silence", typeof(NoInput))]
    [InlineData("/bargein", typeof(BargeIn))]
    [InlineData("/hangup", typeof(HungUp))]
    [InlineData("/transfer answered", typeof(TransferEnded))]
    [InlineData("/transfer no_answer", typeof(TransferEnded))]
    public void Commands_become_call_events(string line, Type expected) => Assert.IsType(expected, ScriptConsole.Parse(line));

    [Theory]
    [InlineData("/dtmf")]
    [InlineData("/transfer maybe")]
    [InlineData("/fly")]
    public void Unknown_commands_are_not_events(string line) => Assert.Null(ScriptConsole.Parse(line));

    [Fact]
    public async Task Prints_the_robot_s_lines_the_node_and_what_was_understood()
    {
        var output = new StringWriter();
        var input = new StringReader("利率是多少\n/fly\n/dtmf 9\n/transfer answered\n");
        var exit = await ScriptConsole.RunAsync(TestScripts.Load(DialogueScripts.Basic), new Dictionary<string, string>(), input, output,
            ScriptLanguage.En, new ManualTimeProvider());
        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("robot [ask]: 您好张先生，可以吗？", text, StringComparison.Ordinal);
        Assert.Contains("  → kb:rate (knowledgebase, 1.00) · node ask", text, StringComparison.Ordinal);
        Assert.Contains("unknown command '/fly'; type /help", text, StringComparison.Ordinal);
        Assert.Contains("[transfer to queue sales, fallback after 15 s;", text, StringComparison.Ordinal);
        Assert.Contains("call ended: outcome transferred, grade B", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_to_start_without_required_variables()
    {
        var script = TestScripts.Load(DialogueScripts.Basic.Replace("variables: {name: 张先生}", "variables: [name]", StringComparison.Ordinal));
        var output = new StringWriter();
        Assert.Equal(1, await ScriptConsole.RunAsync(script, new Dictionary<string, string>(), new StringReader(""), output, ScriptLanguage.Zh));
        Assert.Contains("缺少变量：name", output.ToString(), StringComparison.Ordinal);
    }
}
