namespace Huawu.Server.Tests.Cli;

/// <summary><c>huawu script …</c> end to end: exit codes, every error on standard error, transcripts, import.</summary>
public sealed class ScriptVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("huawu-script-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string PathOf(string name) => Path.Combine(_root, name);

    private async Task<string> SampleAsync(string name)
    {
        var written = await HuawuProcess.RunAsync("script", "samples", "--out", _root);
        Assert.Equal(0, written.ExitCode);
        Assert.Contains(name, written.Output, StringComparison.Ordinal);
        return PathOf(name);
    }

    [Fact]
    public async Task Check_accepts_a_sample_and_lists_every_error_of_a_broken_script()
    {
        var ok = await HuawuProcess.RunAsync("script", "check", await SampleAsync("loan-followup.zh.yaml"), "--lang", "en");
        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith("ok: loan-followup-zh version 1 (zh), 14 nodes, starts at confirm_identity", ok.Output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(PathOf("bad.yaml"), """
            format: huawu-script/1
            name: bad
            language: zh
            start: ask
            nodes:
              ask:
                say: 您好{who}
                routes:
                  - intent: nothing
                    goto: nowhere
            """);
        var bad = await HuawuProcess.RunAsync("script", "check", PathOf("bad.yaml"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("", bad.Output);
        // In the script's own language, in file order, all of them.
        Assert.Equal(
        [
            "huawu: bad.yaml:7:10: 节点 'ask'：未定义的变量 'who'（不是变量、槽位或计数器）",
            "huawu: bad.yaml:9:9: 节点 'ask'：意图 'nothing' 未定义（intents 或全局意图中都没有）",
            "huawu: bad.yaml:10:15: 节点 'ask'：目标节点 'nowhere' 不存在",
        ], bad.Errors.Trim().Split('\n'));
    }

    [Fact]
    public async Task Test_replays_a_transcript_and_names_the_first_divergence()
    {
        var script = await SampleAsync("appointment-reminder.en.yaml");
        await File.WriteAllTextAsync(PathOf("good.yaml"), "start: remind\nturns:\n  - dtmf: \"1\"\n    expect: confirmed\nend: {outcome: confirmed}\n");
        await File.WriteAllTextAsync(PathOf("bad.yaml"), "turns:\n  - dtmf: \"2\"\n    expect: confirmed\n");
        string[] variables = ["--var", "customer_name=Maria", "--var", "appointment_time=Friday"];

        var passed = await HuawuProcess.RunAsync(["script", "test", script, "--transcript", PathOf("good.yaml"), .. variables]);
        Assert.Equal(0, passed.ExitCode);
        Assert.Contains("robot [remind]: Hi Maria, this is a reminder", passed.Output, StringComparison.Ordinal);
        Assert.EndsWith("passed: 1 turns, path remind → confirmed", passed.Output.Trim(), StringComparison.Ordinal);

        var diverged = await HuawuProcess.RunAsync(["script", "test", script, "--transcript", PathOf("bad.yaml"), .. variables]);
        Assert.Equal(1, diverged.ExitCode);
        Assert.Equal("huawu: bad.yaml: turn 1 (line 2, dtmf 2): expected node 'confirmed', the robot is at 'ask_date' (understood: dtmf:2 (dtmf, 1.00))",
            diverged.Errors.Trim());
    }

    [Fact]
    public async Task Test_chats_with_the_script_on_standard_input()
    {
        string[] arguments = ["script", "test", await SampleAsync("loan-followup.zh.yaml"), "--var", "customer_name=张先生"];
        var chat = await HuawuProcess.RunAsync("是的\n你们利息高不高\n/quit\n", null, arguments);
        Assert.Equal(0, chat.ExitCode);
        Assert.Contains("机器人 [confirm_identity]：请问您是张先生吗？", chat.Output, StringComparison.Ordinal);
        Assert.Contains("  → kb:rate (knowledgebase,", chat.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_stores_a_new_version_once()
    {
        var script = await SampleAsync("satisfaction-survey.en.yaml");
        var data = PathOf("data");
        var first = await HuawuProcess.RunAsync("script", "import", script, "--data", data);
        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("imported satisfaction-survey-en version 1 (id 1)", first.Output, StringComparison.Ordinal);
        var again = await HuawuProcess.RunAsync("script", "import", script, "--data", data);
        Assert.StartsWith("unchanged: satisfaction-survey-en is the same as stored version 1", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await HuawuProcess.RunAsync("audit", "verify", "--data", data)).ExitCode);
    }
}
